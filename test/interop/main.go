// Command interop is an independent C2SP client for Truceline's logs, built on Go's
// golang.org/x/mod/sumdb/note and golang.org/x/mod/sumdb/tlog (and nothing of Truceline's code).
// It reads only the served checkpoint, the policy's keys, the hash tiles and the entry bundles:
//
//   - verifies the checkpoint with note.Open: the log's Ed25519 signature (type 0x01), and the
//     witnesses' cosignatures (c2sp.org/tlog-cosignature, cosignature/v1, type 0x04) with
//     crypto/ed25519 through a note.Verifier of our own; counts the policy's quorum;
//   - parses the checkpoint body (c2sp.org/tlog-checkpoint);
//   - reads tiles at C2SP paths (c2sp.org/tlog-tiles: tile/<L>/<N>[.p/<W>], not sumdb's layout)
//     through tlog.TileHashReader, which checks every tile against the tree;
//   - proves and checks every entry's inclusion (tlog.ProveRecord / tlog.CheckRecord) from the
//     entry bundles (tile/entries/<N>[.p/<W>]), and consistency with an older checkpoint
//     (tlog.ProveTree / tlog.CheckTree);
//   - checks every `reveal` entry against the `commitment` it names (issue 9, finding 2): an earlier
//     commitment, SHA-256(salt ‖ revealed entry) equal to its digest, and for a log-signed sealed
//     commitment the revealed entry's kind, author and id equal to its clear fields. (The revealed
//     entry's signature needs the log's key registry; `truceline verify` checks that.)
//
// Usage: interop -log PREFIX_URL -policy FILE|URL [-old CHECKPOINT_FILE] [-save CHECKPOINT_FILE]
// Prints one JSON line; exits 1 with a reason on any failure.
package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

const (
	algEd25519     = 0x01
	algCosignature = 0x04
	tileHeight     = 8
	tileWidth      = 1 << tileHeight
)

var client = &http.Client{Timeout: 30 * time.Second}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "interop: "+format+"\n", args...)
	os.Exit(1)
}

func get(url string) []byte {
	res, err := client.Get(url)
	if err != nil {
		fail("couldn't fetch %s: %v", url, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, 64<<20))
	if err != nil {
		fail("couldn't read %s: %v", url, err)
	}
	if res.StatusCode != http.StatusOK {
		fail("couldn't fetch %s: HTTP %d", url, res.StatusCode)
	}
	return body
}

func readFileOrURL(where string) []byte {
	if strings.HasPrefix(where, "http://") || strings.HasPrefix(where, "https://") {
		return get(where)
	}
	b, err := os.ReadFile(where)
	if err != nil {
		fail("couldn't read %s: %v", where, err)
	}
	return b
}

// cosigVerifier checks c2sp.org/tlog-cosignature cosignature/v1 signatures: the signature is an
// 8-byte big-endian timestamp followed by Ed25519 over
// "cosignature/v1\ntime <timestamp>\n" + checkpoint note text.
type cosigVerifier struct {
	name string
	hash uint32
	pub  ed25519.PublicKey
}

func (v *cosigVerifier) Name() string    { return v.name }
func (v *cosigVerifier) KeyHash() uint32 { return v.hash }
func (v *cosigVerifier) Verify(msg, sig []byte) bool {
	if len(sig) != 8+ed25519.SignatureSize {
		return false
	}
	ts := binary.BigEndian.Uint64(sig[:8])
	signed := append([]byte(fmt.Sprintf("cosignature/v1\ntime %d\n", ts)), msg...)
	return ed25519.Verify(v.pub, signed, sig[8:])
}

// newCosigVerifier parses a type 0x04 verifier key: <name>+<hex key id>+base64(0x04 ‖ key).
func newCosigVerifier(vkey string) (note.Verifier, error) {
	parts := strings.SplitN(vkey, "+", 3)
	if len(parts) != 3 {
		return nil, errors.New("malformed verifier key")
	}
	name, hashText, keyText := parts[0], parts[1], parts[2]
	h, err := strconv.ParseUint(hashText, 16, 32)
	if err != nil || len(hashText) != 8 {
		return nil, errors.New("malformed key id")
	}
	key, err := base64.StdEncoding.DecodeString(keyText)
	if err != nil || len(key) != 1+ed25519.PublicKeySize || key[0] != algCosignature {
		return nil, errors.New("not a cosignature/v1 key")
	}
	// Key id: the first four bytes of SHA-256(name ‖ 0x0A ‖ type ‖ public key).
	sum := sha256.Sum256(append([]byte(name+"\n"), key...))
	if binary.BigEndian.Uint32(sum[:4]) != uint32(h) {
		return nil, errors.New("key id does not match the key")
	}
	return &cosigVerifier{name: name, hash: uint32(h), pub: ed25519.PublicKey(key[1:])}, nil
}

// policy is a parsed c2sp.org/tlog-policy file (our own small parser).
type policy struct {
	logs      []note.Verifier
	witnesses map[string]note.Verifier // policy name → verifier
	groups    map[string]group
	quorum    string
}

type group struct {
	k       int
	members []string
}

func parsePolicy(text string) *policy {
	p := &policy{witnesses: map[string]note.Verifier{}, groups: map[string]group{}}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		switch f[0] {
		case "log":
			v, err := note.NewVerifier(f[1])
			if err != nil {
				fail("policy line %d: log key: %v", i+1, err)
			}
			p.logs = append(p.logs, v)
		case "witness":
			if len(f) < 3 {
				fail("policy line %d: witness needs a name and a key", i+1)
			}
			v, err := newCosigVerifier(f[2])
			if err != nil {
				v, err = note.NewVerifier(f[2])
			}
			if err != nil {
				fail("policy line %d: witness key: %v", i+1, err)
			}
			p.witnesses[f[1]] = v
		case "group":
			if len(f) < 4 {
				fail("policy line %d: group needs a threshold and members", i+1)
			}
			g := group{members: f[3:]}
			switch f[2] {
			case "all":
				g.k = len(g.members)
			case "any":
				g.k = 1
			default:
				k, err := strconv.Atoi(f[2])
				if err != nil || k < 1 || k > len(g.members) {
					fail("policy line %d: bad threshold %q", i+1, f[2])
				}
				g.k = k
			}
			p.groups[f[1]] = g
		case "quorum":
			p.quorum = f[1]
		default:
			fail("policy line %d: unknown keyword %q", i+1, f[0])
		}
	}
	if p.quorum == "" {
		fail("policy has no quorum line")
	}
	return p
}

func (p *policy) holds(name string, cosigned map[string]bool) bool {
	if name == "none" {
		return true
	}
	if _, ok := p.witnesses[name]; ok {
		return cosigned[name]
	}
	g, ok := p.groups[name]
	if !ok {
		return false
	}
	n := 0
	for _, m := range g.members {
		if p.holds(m, cosigned) {
			n++
		}
	}
	return n >= g.k
}

type checkpoint struct {
	origin string
	tree   tlog.Tree
	note   []byte
	signed []string
}

// openCheckpoint verifies a signed checkpoint with the policy's keys and parses its body.
func openCheckpoint(msg []byte, p *policy, needQuorum bool) checkpoint {
	verifiers := append([]note.Verifier{}, p.logs...)
	byKey := map[string]string{}
	for name, v := range p.witnesses {
		verifiers = append(verifiers, v)
		byKey[fmt.Sprintf("%s+%08x", v.Name(), v.KeyHash())] = name
	}
	n, err := note.Open(msg, note.VerifierList(verifiers...))
	if err != nil {
		fail("couldn't verify checkpoint: %v", err)
	}
	// c2sp.org/tlog-checkpoint: origin, decimal size, base64 root hash, optional extensions.
	lines := strings.Split(strings.TrimSuffix(n.Text, "\n"), "\n")
	if len(lines) < 3 {
		fail("couldn't parse checkpoint: fewer than three lines")
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || (lines[1] != "0" && strings.HasPrefix(lines[1], "0")) {
		fail("couldn't parse checkpoint: bad size %q", lines[1])
	}
	root, err := tlog.ParseHash(lines[2])
	if err != nil {
		fail("couldn't parse checkpoint: bad root hash")
	}
	cp := checkpoint{origin: lines[0], tree: tlog.Tree{N: size, Hash: root}, note: msg}
	byLog := false
	cosigned := map[string]bool{}
	for _, s := range n.Sigs {
		for _, l := range p.logs {
			if l.Name() == s.Name && l.KeyHash() == s.Hash && l.Name() == cp.origin {
				byLog = true
			}
		}
		if name, ok := byKey[fmt.Sprintf("%s+%08x", s.Name, s.Hash)]; ok {
			cosigned[name] = true
			cp.signed = append(cp.signed, name)
		}
	}
	if !byLog {
		fail("couldn't verify checkpoint: not signed by a policy log key named %q", cp.origin)
	}
	if needQuorum && !p.holds(p.quorum, cosigned) {
		fail("couldn't verify checkpoint: %d cosignature(s) do not meet quorum %q", len(cp.signed), p.quorum)
	}
	return cp
}

// c2spIndex writes N in zero-padded 3-digit groups, all but the last prefixed with "x".
func c2spIndex(n int64) string {
	s := fmt.Sprintf("%03d", n%1000)
	for n /= 1000; n > 0; n /= 1000 {
		s = fmt.Sprintf("x%03d/", n%1000) + s
	}
	return s
}

// c2spTilePath maps a tlog.Tile (height 8) to c2sp.org/tlog-tiles: tile/<L>/<N>[.p/<W>].
func c2spTilePath(t tlog.Tile) string {
	p := fmt.Sprintf("tile/%d/%s", t.L, c2spIndex(t.N))
	if t.W != tileWidth {
		p += fmt.Sprintf(".p/%d", t.W)
	}
	return p
}

type tileReader struct {
	prefix string
	read   int
	cache  map[string][]byte
}

func (r *tileReader) Height() int { return tileHeight }
func (r *tileReader) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(tiles))
	for i, t := range tiles {
		if t.H != tileHeight || t.L < 0 {
			return nil, fmt.Errorf("unexpected tile %+v", t)
		}
		path := c2spTilePath(t)
		b, ok := r.cache[path]
		if !ok {
			b = get(r.prefix + path)
			r.cache[path] = b
			r.read++
		}
		if len(b) != t.W*tlog.HashSize {
			return nil, fmt.Errorf("tile %s has %d bytes, want %d", c2spTilePath(t), len(b), t.W*tlog.HashSize)
		}
		out[i] = b
	}
	return out, nil
}
func (r *tileReader) SaveTiles(tiles []tlog.Tile, data [][]byte) {}

// entryBundle reads tile/entries/<N>[.p/<W>]: big-endian uint16 length-prefixed entries.
func entryBundle(prefix string, n int64, width int) [][]byte {
	path := "tile/entries/" + c2spIndex(n)
	if width != tileWidth {
		path += fmt.Sprintf(".p/%d", width)
	}
	b := get(prefix + path)
	var out [][]byte
	for len(b) > 0 {
		if len(b) < 2 {
			fail("entry bundle %s: truncated length", path)
		}
		l := int(binary.BigEndian.Uint16(b))
		if len(b) < 2+l {
			fail("entry bundle %s: truncated entry", path)
		}
		out = append(out, b[2:2+l])
		b = b[2+l:]
	}
	if len(out) != width {
		fail("entry bundle %s: %d entries, want %d", path, len(out), width)
	}
	return out
}

func main() {
	logURL := flag.String("log", "", "log prefix URL, e.g. http://host/log/pak-afg/")
	policyArg := flag.String("policy", "", "tlog-policy file or URL")
	oldFile := flag.String("old", "", "an older checkpoint note to prove consistency with")
	saveFile := flag.String("save", "", "write the verified checkpoint note here")
	flag.Parse()
	if *logURL == "" || *policyArg == "" {
		fail("usage: interop -log URL -policy FILE|URL [-old FILE] [-save FILE]")
	}
	prefix := strings.TrimRight(*logURL, "/") + "/"
	p := parsePolicy(string(readFileOrURL(*policyArg)))

	cp := openCheckpoint(get(prefix+"checkpoint"), p, true)
	tr := &tileReader{prefix: prefix, cache: map[string][]byte{}}
	hr := tlog.TileHashReader(cp.tree, tr)
	if cp.tree.N > 0 {
		th, err := tlog.TreeHash(cp.tree.N, hr)
		if err != nil || th != cp.tree.Hash {
			fail("couldn't verify the tree hash from the tiles: %v", err)
		}
	}
	entries := int64(0)
	reveals := &revealChecker{commitments: map[string]commitment{}}
	for n := int64(0); n*tileWidth < cp.tree.N; n++ {
		width := int(cp.tree.N - n*tileWidth)
		if width > tileWidth {
			width = tileWidth
		}
		for i, e := range entryBundle(prefix, n, width) {
			idx := n*tileWidth + int64(i)
			proof, err := tlog.ProveRecord(cp.tree.N, idx, hr)
			if err != nil {
				fail("couldn't prove entry %d: %v", idx, err)
			}
			if err := tlog.CheckRecord(proof, cp.tree.N, cp.tree.Hash, idx, tlog.RecordHash(e)); err != nil {
				fail("entry %d is not in the tree: %v", idx, err)
			}
			reveals.add(idx, e)
			entries++
		}
	}
	result := map[string]interface{}{
		"ok": true, "origin": cp.origin, "size": cp.tree.N, "root": cp.tree.Hash.String(),
		"cosigners": cp.signed, "quorum": p.quorum, "entries": entries,
		"commitments": len(reveals.commitments), "reveals": reveals.reveals,
	}
	if *oldFile != "" {
		b, err := os.ReadFile(*oldFile)
		if err != nil {
			fail("couldn't read %s: %v", *oldFile, err)
		}
		old := openCheckpoint(b, p, false)
		if old.origin != cp.origin || old.tree.N > cp.tree.N {
			fail("checkpoint %d is not an extension of checkpoint %d", cp.tree.N, old.tree.N)
		}
		proof, err := tlog.ProveTree(cp.tree.N, old.tree.N, hr)
		if err != nil {
			fail("couldn't prove consistency: %v", err)
		}
		if err := tlog.CheckTree(proof, cp.tree.N, cp.tree.Hash, old.tree.N, old.tree.Hash); err != nil {
			fail("checkpoint %d is not consistent with checkpoint %d: %v", cp.tree.N, old.tree.N, err)
		}
		result["consistentWith"] = old.tree.N
		result["consistencyProofHashes"] = len(proof)
	}
	result["tilesRead"] = tr.read
	if *saveFile != "" {
		if err := os.WriteFile(*saveFile, cp.note, 0o644); err != nil {
			fail("couldn't write %s: %v", *saveFile, err)
		}
	}
	var buf bytes.Buffer
	_ = json.NewEncoder(&buf).Encode(result)
	os.Stdout.Write(buf.Bytes())
}

// An entry as far as the reveal check reads it (the body fields of commitment and reveal).
type envelope struct {
	Kind   string `json:"kind"`
	ID     string `json:"id"`
	Author string `json:"author"`
	Body   struct {
		Digest     string `json:"digest"`
		Commitment string `json:"commitment"`
		Salt       string `json:"salt"`
		Entry      string `json:"entry"`
		Sealed     *struct {
			Kind   string `json:"kind"`
			Author string `json:"author"`
			Record string `json:"record"`
		} `json:"sealed"`
	} `json:"body"`
}

type commitment struct {
	index int64
	env   envelope
}

type revealChecker struct {
	commitments map[string]commitment
	reveals     int
}

func (r *revealChecker) add(idx int64, e []byte) {
	var env envelope
	if err := json.Unmarshal(e, &env); err != nil {
		fail("entry %d is not JSON: %v", idx, err)
	}
	switch env.Kind {
	case "commitment":
		r.commitments[env.ID] = commitment{idx, env}
	case "reveal":
		r.reveals++
		c, ok := r.commitments[env.Body.Commitment]
		if !ok {
			fail("the reveal at entry %d names commitment %s, which no earlier entry is", idx, env.Body.Commitment)
		}
		salt, err := base64.StdEncoding.DecodeString(env.Body.Salt)
		if err != nil || len(salt) != 32 {
			fail("the reveal at entry %d has no 32-byte base64 salt", idx)
		}
		sum := sha256.Sum256(append(salt, []byte(env.Body.Entry)...))
		if hex.EncodeToString(sum[:]) != c.env.Body.Digest {
			fail("the reveal at entry %d does not match the digest of the commitment at entry %d", idx, c.index)
		}
		if s := c.env.Body.Sealed; s != nil {
			var inner envelope
			if err := json.Unmarshal([]byte(env.Body.Entry), &inner); err != nil {
				fail("the entry revealed at entry %d is not JSON: %v", idx, err)
			}
			if inner.Kind != s.Kind || inner.Author != s.Author || inner.ID != s.Record {
				fail("the entry revealed at entry %d is %s %s by %s, the commitment at entry %d says %s %s by %s",
					idx, inner.Kind, inner.ID, inner.Author, c.index, s.Kind, s.Record, s.Author)
			}
		}
	}
}
