# Writes part A of the development set (see README.md): article text files and their labels.
import json, os
OUT = os.path.join(os.path.dirname(__file__), 'dev')
os.makedirs(OUT, exist_ok=True)
def E(type, date, tp, loc, country, lat, lon, actors, fat=None):
    return {"type": type, "date": date, "time_precision": tp, "location": loc, "country": country,
            "lat": lat, "lon": lon, "actors": actors, "fatalities": fat}
def write(slug, text, events, ext='txt'):
    open(os.path.join(OUT, f'{slug}.{ext}'), 'w').write(text.strip() + '\n')
    json.dump({"events": events}, open(os.path.join(OUT, f'{slug}.expected.json'), 'w'), indent=1, ensure_ascii=False)

write('01-wire-torkham-closure', '''
Published: 13 October 2025

Pakistan shuts Torkham crossing after overnight border clashes

PESHAWAR, Pakistan (Reuters) - Pakistan closed the Torkham border crossing with Afghanistan on Sunday after Pakistani and Afghan forces exchanged heavy fire along several points of the frontier overnight, officials on both sides said.

The fighting erupted late on Saturday at posts in Kurram and near Angoor Adda in South Waziristan, according to two Pakistani security officials who spoke on condition of anonymity.

The military's media wing said 23 Pakistani soldiers were killed in the clashes. Afghanistan's Taliban government said nine of its fighters had died.

Hundreds of trucks carrying fruit and cement were left stranded on both sides of Torkham, traders said.

Also Read: Gold prices climb to record high
''', [
  E('border_closure', '2025-10-12', 1, 'Torkham', 'PK', 34.1147, 71.0847, ['Pakistan']),
  E('armed_clash', '2025-10-11', 1, 'Kurram', 'PK', 33.75, 70.25, ['Pakistan', 'Afghanistan']),
  E('armed_clash', '2025-10-11', 1, 'Angoor Adda', 'PK', 32.5156, 69.2825, ['Pakistan', 'Afghanistan']),
  E('trade_disruption', '2025-10-13', 2, 'Torkham', 'PK', 34.1147, 71.0847, ['Traders']),
])

write('02-ispr-north-waziristan-ibo', '''
ISPR Press Release No PR-214/2025
Dated: 2 November 2025

On 1 November 2025, security forces conducted an intelligence based operation in Datta Khel, North Waziristan District, on reported presence of khwarij belonging to Indian proxy Fitna al Khwarij.

During the conduct of operation, own troops effectively engaged the khwarij location and after an intense exchange of fire, eight khwarij were sent to hell.

However, during intense exchange of fire, two soldiers of Pakistan Army, having fought gallantly, embraced shahadat.

Sanitisation operation is being conducted to eliminate any other kharji found in the area, as security forces of Pakistan are determined to wipe out the menace of terrorism from the country.
''', [
  E('armed_clash', '2025-11-01', 1, 'Datta Khel', 'PK', 32.98, 69.93, ['Pakistan', 'TTP'], 10),
])

write('03-local-bannu-police-attack', '''
BANNU: Militants attacked the Mandan police station with heavy weapons and hand grenades late on Wednesday night, killing three policemen and injuring five others, police said on Thursday.

District Police Officer said the attackers fled after a two-hour gun battle. A search operation was launched in the area on Thursday morning.

No group has claimed responsibility, but police suspect the banned Tehreek-e-Taliban Pakistan. Residents said they heard explosions for hours.

Dated: 18 September 2025
''', [
  E('armed_clash', '2025-09-17', 1, 'Bannu', 'PK', 32.985, 70.604, ['Pakistan', 'Militants'], 3),
])

write('04-mediator-qatar-statement', '''
Ministry of Foreign Affairs of the State of Qatar
Doha, 19 October 2025

Statement on the agreement between the Islamic Republic of Pakistan and the Islamic Emirate of Afghanistan

The State of Qatar welcomes the agreement reached today in Doha between the delegations of Pakistan and Afghanistan, in a round of negotiations mediated by the State of Qatar and the Republic of Türkiye, on an immediate ceasefire.

The two sides also agreed to hold follow-up meetings in the coming days to ensure the sustainability of the ceasefire.

The State of Qatar expresses its hope that this step will contribute to ending the tensions on the border between the two brotherly countries.
''', [
  E('ceasefire_agreement', '2025-10-19', 1, 'Doha', 'QA', 25.285, 51.531, ['Pakistan', 'Afghanistan', 'Qatar', 'Türkiye']),
  E('talks', '2025-10-19', 1, 'Doha', 'QA', 25.285, 51.531, ['Pakistan', 'Afghanistan', 'Qatar', 'Türkiye']),
])

write('05-oped-passing-mentions', '''
Opinion | The ceasefire that nobody trusts
By a guest columnist
October 30, 2025

Three weeks ago, explosions shook Kabul on the night of October 9, and the Taliban blamed Pakistani airstrikes. Islamabad never confirmed it carried out the strikes. What followed was the worst fighting along the Durand Line in years.

The truce that Qatar and Türkiye brokered in Doha has so far held, but a truce is not peace. Pakistan wants guarantees that the TTP will not use Afghan soil; Kabul wants an end to what it calls violations of its airspace.

If the Istanbul talks fail, the region could slide back into war. Neither side can afford that.
''', [
  E('airstrike', '2025-10-09', 1, 'Kabul', 'AF', 34.528, 69.172, ['Pakistan']),
  E('ceasefire_agreement', None, None, 'Doha', 'QA', 25.285, 51.531, ['Qatar', 'Türkiye']),
])

write('06-claims-counterclaims', '''
12 October 2025

Both sides claim heavy losses in border fighting

Afghan Taliban spokesman Zabihullah Mujahid said on Sunday that 58 Pakistani soldiers were killed and 30 wounded in retaliatory operations launched by Afghan forces overnight along the border in Kunar and Helmand.

Pakistan's military rejected the figure. The ISPR said 23 soldiers were martyred and that more than 200 Taliban and affiliated fighters had been killed in the clashes.

Independent verification of either claim was not possible.
''', [
  E('armed_clash', '2025-10-11', 1, 'Kunar', 'AF', 34.85, 71.1, ['Afghanistan', 'Pakistan'], 23),
  E('armed_clash', '2025-10-11', 1, 'Helmand', 'AF', 31.0, 64.0, ['Afghanistan', 'Pakistan']),
])

write('07-denial-khost-strikes', '''
Published: 25 November 2025

Kabul accuses Pakistan of bombing homes in Khost

KABUL - The Taliban administration said on Monday that Pakistani aircraft bombed a house in the Gurbuz district of Khost province late on Sunday night, killing nine children and a woman.

Pakistan's military spokesman denied that Pakistan had carried out any strike inside Afghanistan, calling the allegation baseless.

Residents said funerals were held on Monday afternoon.
''', [
  E('airstrike', '2025-11-23', 1, 'Khost', 'AF', 33.34, 69.92, ['Pakistan', 'Civilians'], 10),
])

write('08-quiet-day-no-events', '''
Ceasefire holds for a fifth day along Pak-Afghan border
October 24, 2025

No violations of the ceasefire were reported along the Pakistan-Afghanistan border on Thursday, officials said, the fifth calm day since the truce took effect.

There were no clashes in Kurram or Bajaur and no shelling was reported in Chaman, local administration officials said.

Security officials said they would respond to any attack. Traders hope the border will be reopened soon.
''', [])

write('09-refugees-torkham', '''
Published: 4 November 2025

More than 10,000 Afghans crossed back into Afghanistan through Torkham on Monday, as Pakistan pressed ahead with the deportation of undocumented Afghan nationals, UN refugee agency UNHCR said.

Families waited for hours in the cold at the crossing. Afghan officials said returnees were being registered at a camp near Jalalabad.

Pakistani authorities arrested hundreds of undocumented Afghans in Karachi and Islamabad over the weekend.
''', [
  E('refugee_movement', '2025-11-03', 1, 'Torkham', 'PK', 34.1147, 71.0847, ['Afghan nationals']),
  E('arrest', '2025-11-01', 2, 'Karachi', 'PK', 24.86, 67.01, ['Pakistan', 'Afghan nationals']),
  E('arrest', '2025-11-01', 2, 'Islamabad', 'PK', 33.72, 73.04, ['Pakistan', 'Afghan nationals']),
])

write('10-chaman-trucks-stranded', '''
CHAMAN: Thousands of goods trucks remained stranded on both sides of the Chaman border on Friday as the crossing stayed closed for an eighteenth day, transporters said.

"Our fruit is rotting in the containers," said a trader from Kandahar. Traders said they were losing millions of rupees every day.

Published: 31 October 2025
''', [
  E('border_closure', None, None, 'Chaman', 'PK', 30.918, 66.453, []),
  E('trade_disruption', '2025-10-31', 1, 'Chaman', 'PK', 30.918, 66.453, ['Traders']),
])

write('11-spin-buldak-shelling', '''
TOLOnews | 15 October 2025

Civilians killed as Pakistani forces shell Spin Buldak

Pakistani forces fired mortar shells into residential areas of Spin Buldak district in Kandahar early on Wednesday, killing at least 12 civilians and wounding more than 100, the Islamic Emirate's spokesman said.

Hundreds of families fled to Kandahar city, local officials said. Pakistan said its forces had responded to an attack by Taliban fighters on its posts near Chaman.
''', [
  E('shelling', '2025-10-15', 1, 'Spin Boldak', 'AF', 31.006, 66.400, ['Pakistan', 'Civilians'], 12),
  E('displacement', '2025-10-15', 1, 'Spin Boldak', 'AF', 31.006, 66.400, ['Families']),
  E('armed_clash', '2025-10-15', 1, 'Chaman', 'PK', 30.918, 66.453, ['Afghanistan', 'Pakistan']),
])

write('12-kurram-displacement', '''
Parachinar, Sept 28: Dozens of families have left their homes in border villages of Kurram district after mortar shells fired from across the border landed near Kharlachi on Saturday, local elders said.

One woman was killed and four children were injured when a shell hit a house, according to a local hospital official.

Published: September 28, 2025
''', [
  E('shelling', '2025-09-27', 1, 'Kharlachi', 'PK', 33.87, 69.95, ['Civilians'], 1),
  E('displacement', None, 3, 'Kurram', 'PK', 33.75, 70.25, ['Families']),
])

write('13-bla-turbat', '''
Published: 8 August 2025

Quetta — Gunmen belonging to the banned Balochistan Liberation Army attacked a Frontier Corps camp in Turbat on Thursday night, triggering a gun battle that lasted several hours, officials said.

Four FC personnel were martyred and six attackers were killed, the ISPR said in a statement on Friday. The BLA claimed responsibility in a message to journalists and claimed to have killed 20 soldiers.
''', [
  E('armed_clash', '2025-08-07', 1, 'Turbat', 'PK', 26.00, 63.04, ['BLA', 'Pakistan'], 10),
])

write('14-bajaur-ied', '''
Published: 2 July 2025

KHAR: A remote-controlled bomb ripped through a vehicle carrying members of a local peace committee in Bajaur's Mamund tehsil on Tuesday, killing an assistant commissioner and four others, police said.

Eleven people, including two policemen, were injured in the blast. The explosive device had been planted on the roadside, police said.
''', [
  E('ied', '2025-07-01', 1, 'Bajaur', 'PK', 34.73, 71.52, ['Civilians'], 5),
])

write('15-dikhan-abduction', '''
Dera Ismail Khan: Unidentified armed men kidnapped six labourers working on a mobile phone tower in Kulachi tehsil on Monday, police said.

Police said the abductors took the workers to an unknown location. A search operation is under way.

October 7, 2025
''', [
  E('abduction', '2025-10-06', 1, 'Kulachi', 'PK', 31.93, 70.46, ['Unidentified armed group', 'Labourers']),
])

write('16-ispr-infiltration-ghulam-khan', '''
Inter Services Public Relations (ISPR)
Rawalpindi - 10 September 2025

On night 9/10 September 2025, security forces detected movement of a group of khwarij trying to infiltrate through Pakistan-Afghanistan border in general area Ghulam Khan, North Waziristan District.

Own troops effectively engaged and thwarted the infiltration attempt. After an intense fire exchange, five khwarij were sent to hell.

Pakistan has consistently been asking Interim Afghan Government to ensure effective border management on their side of the border.
''', [
  E('infiltration', '2025-09-09', 1, 'Ghulam Khan', 'PK', 33.22, 69.82, ['Pakistan', 'TTP'], 5),
])

write('17-ctd-arrests-peshawar', '''
Published: 21 August 2025

PESHAWAR: The Counter Terrorism Department arrested four suspected militants and seized explosives in a raid on a house in the outskirts of Peshawar on Wednesday, officials said.

The suspects were allegedly planning attacks on security installations in the city, the CTD said.
''', [
  E('arrest', '2025-08-20', 1, 'Peshawar', 'PK', 34.008, 71.578, ['Pakistan', 'Militants']),
])

write('18-torkham-reopens', '''
Published: 4 November 2025

Torkham reopens for trade after 25 days

The Torkham border crossing reopened for trade on Monday after remaining closed for 25 days, customs officials said, and the first trucks carrying fruit from Afghanistan crossed into Pakistan by noon.

Pedestrian movement will remain suspended until further notice, officials said.
''', [
  E('border_reopening', '2025-11-03', 1, 'Torkham', 'PK', 34.1147, 71.0847, []),
  E('crossing_restriction', None, None, 'Torkham', 'PK', 34.1147, 71.0847, []),
])

write('19-chaman-passport-rule', '''
Quetta, 17 January 2025 - Authorities at the Chaman border began enforcing the one-document regime on Friday, allowing only travellers with valid passports and visas to cross, officials said.

Hundreds of daily labourers and traders staged a sit-in near the Bab-e-Dosti gate against the new rules.
''', [
  E('crossing_restriction', '2025-01-17', 1, 'Chaman', 'PK', 30.918, 66.453, ['Pakistan']),
  E('protest', '2025-01-17', 1, 'Chaman', 'PK', 30.918, 66.453, ['Labourers', 'Traders']),
])

write('20-istanbul-talks-end', '''
8 November 2025

ISTANBUL (AP) — Talks between Pakistan and Afghanistan in Istanbul ended on Friday without an agreement on a monitoring mechanism, officials from both delegations said.

The third round of negotiations, hosted by Türkiye and Qatar, was held over two days. Pakistan's defence minister said the talks had collapsed, while a Taliban spokesman blamed Islamabad for the failure.

The ceasefire agreed in Doha in October remains in place, both sides said.
''', [
  E('talks', '2025-11-07', 1, 'Istanbul', 'TR', 41.014, 28.950, ['Pakistan', 'Afghanistan', 'Türkiye', 'Qatar']),
])
