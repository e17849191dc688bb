// Auto-rotation of the globe. It turns the way the Earth does (the view drifts west), stops the
// moment the user touches the map, resumes after a spell of idleness, and stays off when the user
// prefers reduced motion (they can still start it with the button: WCAG 2.2.2 pause/stop).
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface SpinOptions {
  /** Degrees of longitude per second at world zoom; slower as the user zooms in. */
  degreesPerSecond: number;
  /** How long after the last interaction rotation resumes. */
  idleMs: number;
  onChange?: (state: SpinState) => void;
}

/** `off`: stopped by the user or reduced motion; `paused`: waiting for idle; `spinning`. */
export type SpinState = 'off' | 'paused' | 'spinning';

const INTERACTIONS = ['pointerdown', 'wheel', 'touchstart', 'keydown', 'dblclick'] as const;

export class Spinner {
  private enabled: boolean;
  private resumeAt = 0;
  private last = 0;
  private frame = 0;
  private state: SpinState = 'off';
  private readonly motion: MediaQueryList;
  private readonly onInteract = () => this.pause();
  private readonly onMotion = () => this.setEnabled(!this.motion.matches);

  constructor(
    private readonly map: MapLibreMap,
    private readonly opts: SpinOptions,
  ) {
    this.motion = window.matchMedia('(prefers-reduced-motion: reduce)');
    this.enabled = !this.motion.matches;
    this.motion.addEventListener('change', this.onMotion);
    const box = map.getContainer();
    for (const type of INTERACTIONS) box.addEventListener(type, this.onInteract, { passive: true });
    // A drag or an inertial glide keeps the pause fresh for as long as it lasts.
    map.on('move', (e) => {
      if ((e as { originalEvent?: unknown }).originalEvent) this.pause();
    });
  }

  get current(): SpinState {
    return this.state;
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  start(): void {
    if (!this.frame) this.frame = requestAnimationFrame(this.tick);
    this.update();
  }

  /** Stops rotation for `idleMs` (a user interaction, or the app moving the camera). */
  pause(ms = this.opts.idleMs): void {
    this.resumeAt = Math.max(this.resumeAt, performance.now() + ms);
    this.update();
  }

  setEnabled(on: boolean): void {
    this.enabled = on;
    if (on) this.resumeAt = 0;
    this.update();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.motion.removeEventListener('change', this.onMotion);
    const box = this.map.getContainer();
    for (const type of INTERACTIONS) box.removeEventListener(type, this.onInteract);
  }

  private update(now = performance.now()): void {
    const next: SpinState = !this.enabled ? 'off' : now < this.resumeAt ? 'paused' : 'spinning';
    if (next !== this.state) {
      this.state = next;
      this.opts.onChange?.(next);
    }
  }

  private readonly tick = (now: number): void => {
    this.frame = requestAnimationFrame(this.tick);
    const dt = Math.min(0.1, (now - (this.last || now)) / 1000);
    this.last = now;
    this.update(now);
    if (this.state !== 'spinning' || this.map.isMoving() || document.hidden) return;
    const zoom = this.map.getZoom();
    const speed = this.opts.degreesPerSecond * Math.min(1, 2 ** (2 - zoom));
    const c = this.map.getCenter();
    this.map.jumpTo({ center: [((c.lng - speed * dt + 540) % 360) - 180, c.lat] });
  };
}
