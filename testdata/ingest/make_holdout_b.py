# Writes the second held-out set (see README.md, "Held-out sets"): written after the first round of
# coder changes, by the same labelling conventions, before the coder was run on these articles.
# Never tune the coder on these: they measure generalisation only.
import datetime, json, os
OUT = os.path.join(os.path.dirname(__file__), 'holdout-b')
os.makedirs(OUT, exist_ok=True)
def E(type, date, tp, loc, country, lat, lon, actors, fat=None):
    return {"type": type, "date": date, "time_precision": tp, "location": loc, "country": country,
            "lat": lat, "lon": lon, "actors": actors, "fatalities": fat}
def write(slug, text, events, ext='txt'):
    open(os.path.join(OUT, f'{slug}.{ext}'), 'w').write(text.strip() + '\n')
    json.dump({"events": events}, open(os.path.join(OUT, f'{slug}.expected.json'), 'w'), indent=1, ensure_ascii=False)
def weekday(ymd, name):
    assert datetime.date.fromisoformat(ymd).strftime('%A') == name, (ymd, name)

weekday('2026-04-06', 'Monday')
write('b01-khaama-islam-qala-iran', '''
Khaama Press
6 April 2026

Taliban, Iranian border guards clash near Islam Qala

HERAT - Taliban border forces and Iranian border guards exchanged fire near the Islam Qala crossing in Herat's Kohsan district on Sunday afternoon, a local official said, adding that one Taliban border guard was killed and two Iranian guards were wounded.

The clash broke out after Iranian guards began digging a trench close to the border line, the official said. Trade through Islam Qala was suspended for several hours and resumed in the evening.

Iran's foreign ministry did not comment on the incident.
''', [
  E('armed_clash', '2026-04-05', 1, 'Islam Qala', 'AF', 34.66, 61.06, ['Afghanistan', 'Iran'], 1),
  E('trade_disruption', '2026-04-05', 1, 'Islam Qala', 'AF', 34.66, 61.06, [], None),
])

weekday('2026-04-10', 'Friday')
write('b02-dawn-darra-police-van', '''
Dawn | April 10, 2026

KOHAT: Three policemen were martyred and four others injured when a roadside bomb struck their van in Darra Adamkhel on Thursday morning, police said.

The police van was on its way to provide security to a polio vaccination team when the improvised explosive device went off near the Akhorwal bridge. Officials said the device had been detonated by remote control.

A search operation was launched in the surrounding mountains on Thursday afternoon, but no arrests had been made by the time of filing this report.
''', [
  E('ied', '2026-04-09', 1, 'Darra Adamkhel', 'PK', 33.68, 71.52, ['Pakistan'], 3),
])

weekday('2026-04-15', 'Wednesday')
write('b03-friday-times-oped', '''
The Friday Times
April 15, 2026

Comment: The hotline is not enough

When the border commanders first spoke on the new hotline last month, officials in both capitals hailed it as a breakthrough. It took less than three weeks for the optimism to fade.

On Tuesday last week, Pakistani and Afghan forces traded mortar fire across the Kurram border for most of the afternoon. The hotline rang, we are told, but nobody answered.

A ceasefire that depends on a telephone is a ceasefire that depends on goodwill, and goodwill has been in short supply along the Durand Line since the autumn of 2025.
''', [
  E('shelling', '2026-04-07', 1, 'Kurram', 'PK', 33.75, 70.25, ['Pakistan', 'Afghanistan'], None),
])

weekday('2026-04-21', 'Tuesday')
write('b04-afp-wana-operation', '''
Published: 21 April 2026

Pakistan says 12 militants killed in South Waziristan raid

PESHAWAR, Pakistan (AFP) - Pakistan's military said Tuesday it had killed 12 militants in a raid near Wana in South Waziristan, a day after an attack on a checkpoint in the area killed four soldiers.

The militants were "involved in numerous terrorist activities" and had been using Afghan soil to plan attacks, the military's media wing said in a statement.

The Pakistani Taliban said in a message to reporters that only two of its fighters had died and that the military's figures were exaggerated.
''', [
  E('armed_clash', '2026-04-21', 2, 'Wana', 'PK', 32.3, 69.58, ['Pakistan', 'TTP'], 2),
  E('armed_clash', '2026-04-20', 2, 'Wana', 'PK', 32.3, 69.58, ['Militants', 'Pakistan'], 4),
])

weekday('2026-04-24', 'Friday')
write('b05-unhcr-briefing-returns', '''
UNHCR Briefing Notes | 24 April 2026

Summary of what was said by the UNHCR spokesperson at today's press briefing at the Palais des Nations in Geneva.

UNHCR is alarmed by the scale of returns to Afghanistan. Over the past week, more than 60,000 Afghans returned from Iran through the Islam Qala crossing in Herat province, many of them deported, and another 18,000 crossed back from Pakistan through Torkham.

Women and girls make up a third of the returnees. Many arrive with nothing, after years abroad, to a country where they are barred from secondary education and most work.

UNHCR calls on neighbouring states not to force Afghans to return.
''', [
  E('refugee_movement', '2026-04-24', 2, 'Islam Qala', 'AF', 34.66, 61.06, ['Returnees'], None),
  E('refugee_movement', '2026-04-24', 2, 'Torkham', 'PK', 34.1147, 71.0847, ['Returnees'], None),
])

weekday('2026-04-29', 'Wednesday')
write('b06-mashaal-nawagai-sitin', '''
Radio Mashaal
Published: 29 April 2026

Nawagai residents stage sit-in against military operation

Hundreds of residents of Nawagai tehsil in Bajaur district have been staging a sit-in in front of the assistant commissioner's office since Monday, demanding an end to the military operation in their area and compensation for houses damaged in the fighting.

"Our children cannot go to school, our shops are closed," said a tribal elder, Malik Sher Zaman. Protest leaders said they would march on Khar if their demands were not met by Friday.

Officials said a jirga of elders and the district administration would meet on Thursday to discuss the demands.
''', [
  E('protest', '2026-04-27', 1, 'Nawagai', 'PK', 34.7, 71.34, ['Residents'], None),
  E('talks', '2026-04-30', 1, 'Nawagai', 'PK', 34.7, 71.34, [], None),
])

weekday('2026-05-04', 'Monday')
write('b07-bolan-train-hostages', '''
QUETTA, May 4: Armed men blew up a section of railway track and stormed the Jaffar Express near Mach in the Bolan Pass on Sunday afternoon, taking dozens of passengers hostage, railway officials said.

Security forces launched an operation to free the hostages that lasted until Monday morning. The military said 190 passengers had been rescued and that 21 passengers and four soldiers had been killed by the attackers, while all 33 attackers were killed.

The Balochistan Liberation Army claimed responsibility and said it was holding the passengers to demand the release of its prisoners.

Published: 4 May 2026
''', [
  E('abduction', '2026-05-03', 1, 'Mach', 'PK', 29.87, 67.33, ['BLA', 'Civilians'], None),
  E('armed_clash', '2026-05-03', 2, 'Mach', 'PK', 29.87, 67.33, ['Pakistan', 'BLA'], 58),
])

weekday('2026-05-08', 'Friday')
write('b08-kabulnow-mazar-arrests', '''
KabulNow
8 May 2026

Taliban detain three women activists in Mazar-i-Sharif

Taliban intelligence officers detained three women's rights activists at their homes in Mazar-i-Sharif on Wednesday night, relatives and a rights group said.

The women had taken part in an indoor protest against the closure of girls' schools last year. Their families said they had not been told where the women were being held.

A Taliban spokesman in Balkh did not deny the arrests but said the women were being questioned "on charges of acting against the system".
''', [
  E('arrest', '2026-05-06', 1, 'Mazar-i-Sharif', 'AF', 36.709, 67.111, ['Afghanistan', 'Activists'], None),
])

weekday('2026-05-13', 'Wednesday')
write('b09-gilgit-kkh-protest', '''
Pakistan Today | May 13, 2026

GILGIT: Traders and transporters blocked the Karakoram Highway at several points in Gilgit-Baltistan on Tuesday to protest against new taxes on goods imported from China through the Khunjerab Pass.

Traffic remained suspended for nine hours, stranding hundreds of tourists. The protest was called off late in the evening after the provincial government agreed to hold talks with the traders' association on Saturday.
''', [
  E('protest', '2026-05-12', 1, 'Gilgit', 'PK', 35.92, 74.31, ['Traders', 'Transporters'], None),
  E('talks', '2026-05-16', 1, 'Gilgit', 'PK', 35.92, 74.31, [], None),
])

weekday('2026-05-18', 'Monday')
write('b10-afintl-khost-gas-blast', '''
Afghanistan International
18 May 2026

Explosion at Khost madrasa kills two; Taliban blame gas cylinder

An explosion at a religious school in the city of Khost on Sunday killed two students and injured five, local sources said.

Taliban officials said the explosion was caused by a gas cylinder used for cooking and was not an attack. No group has claimed responsibility.

Residents said the blast shattered windows in nearby houses.
''', [])

weekday('2026-05-22', 'Friday')
write('b11-ctd-punjab-arrests', '''
Published: 22 May 2026

CTD arrests 17 suspected terrorists across Punjab

LAHORE: The Counter Terrorism Department (CTD) of Punjab said on Friday it had arrested 17 suspected terrorists in raids in Lahore, Multan and Rawalpindi during the past week.

According to a CTD spokesperson, the suspects belonged to banned organisations and were planning attacks on government buildings. Explosives, detonators and weapons were recovered from them.
''', [
  E('arrest', '2026-05-22', 2, 'Lahore', 'PK', 31.55, 74.34, ['Pakistan'], None),
  E('arrest', '2026-05-22', 2, 'Multan', 'PK', 30.2, 71.47, ['Pakistan'], None),
  E('arrest', '2026-05-22', 2, 'Rawalpindi', 'PK', 33.6, 73.04, ['Pakistan'], None),
])

weekday('2026-05-27', 'Wednesday')
write('b12-xinhua-kabul-trade-meeting', '''
ISLAMABAD, May 27 (Xinhua) -- Pakistan and Afghanistan on Tuesday agreed to reopen the Ghulam Khan and Kharlachi crossings for trade from June 1, following a two-day meeting of the Joint Coordination Committee held in Kabul, officials said.

Published: 27 May 2026

The two sides also agreed to extend the ceasefire for another six months, according to a statement issued by Pakistan's Foreign Office after the meeting.
''', [
  E('talks', '2026-05-25', 2, 'Kabul', 'AF', 34.528, 69.172, ['Pakistan', 'Afghanistan'], None),
  E('border_reopening', '2026-06-01', 1, 'Ghulam Khan', 'PK', 33.22, 69.82, [], None),
  E('border_reopening', '2026-06-01', 1, 'Kharlachi', 'PK', 33.87, 69.95, [], None),
  E('ceasefire_agreement', '2026-05-26', 1, 'Kabul', 'AF', 34.528, 69.172, ['Pakistan', 'Afghanistan'], None),
])
