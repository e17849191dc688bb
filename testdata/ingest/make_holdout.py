# Writes the held-out set (see README.md, "Held-out set"): articles in styles, outlets and places the
# development set does not cover, labelled by the same conventions BEFORE the coder was run on them.
# Never tune the coder on these: they measure generalisation only.
import json, os
OUT = os.path.join(os.path.dirname(__file__), 'holdout')
os.makedirs(OUT, exist_ok=True)
def E(type, date, tp, loc, country, lat, lon, actors, fat=None):
    return {"type": type, "date": date, "time_precision": tp, "location": loc, "country": country,
            "lat": lat, "lon": lon, "actors": actors, "fatalities": fat}
def write(slug, text, events, ext='txt'):
    open(os.path.join(OUT, f'{slug}.{ext}'), 'w').write(text.strip() + '\n')
    json.dump({"events": events}, open(os.path.join(OUT, f'{slug}.expected.json'), 'w'), indent=1, ensure_ascii=False)

write('h01-ocha-kurram-flash-update', '''
OCHA Pakistan | Flash Update No. 2 | 26 November 2025

Pakistan: Kurram District - Flash Update No. 2

KEY HIGHLIGHTS

On 21 November, unidentified gunmen attacked a convoy of passenger vehicles near Bagan, Lower Kurram, killing at least 42 people, including seven women and three children.

Since the attack, an estimated 2,300 families have been displaced from Bagan and surrounding villages to Hangu and Kohat districts.

SITUATION OVERVIEW

Retaliatory violence broke out in Bagan on 22 November, when gunmen attacked shops and houses in the main bazaar, killing 16 residents, according to local authorities. A seven-day ceasefire between the tribes was announced by a provincial government delegation in Kurram on 24 November and has been largely observed, although sporadic exchanges of fire were reported in Alizai overnight.

Partners are concerned that any breakdown of the truce would trigger further displacement. A WFP convoy carrying wheat flour to Upper Kurram was turned back at a checkpoint in Thall on 25 November.
''', [
  E('attack_on_civilians', '2025-11-21', 1, 'Bagan', 'PK', 33.65, 70.45, ['Unidentified armed group', 'Civilians'], 42),
  E('displacement', None, 3, 'Bagan', 'PK', 33.65, 70.45, ['Families'], None),
  E('attack_on_civilians', '2025-11-22', 1, 'Bagan', 'PK', 33.65, 70.45, ['Unidentified armed group', 'Residents'], 16),
  E('ceasefire_agreement', '2025-11-24', 1, 'Kurram', 'PK', 33.75, 70.25, [], None),
  E('armed_clash', '2025-11-25', 1, 'Alizai', 'PK', 33.54, 70.33, [], None),
  E('access_denied', '2025-11-25', 1, 'Thall', 'PK', 33.37, 70.55, [], None),
])

write('h02-unama-kunar-shelling', '''
UNAMA | Kabul, 3 December 2025

UNAMA concerned by civilian casualties in Kunar

KABUL - The United Nations Assistance Mission in Afghanistan (UNAMA) said on Wednesday it had received credible reports that at least five civilians, among them two children, were killed and eleven others injured when artillery shells fired from the Pakistani side of the Durand Line struck houses in Dangam district of Kunar province on the evening of 1 December.

UNAMA also verified that a girls' school in Asadabad was damaged when an improvised explosive device went off at its gate on 28 November; no casualties were recorded as the school was closed.

"All parties must take constant care to spare civilians," the mission said, recalling the commitments made in the Doha ceasefire of 19 October.
''', [
  E('shelling', '2025-12-01', 1, 'Dangam', 'AF', 34.97, 71.42, ['Pakistan', 'Civilians'], 5),
  E('ied', '2025-11-28', 1, 'Asadabad', 'AF', 34.873, 71.147, [], 0),
  E('ceasefire_agreement', '2025-10-19', 1, 'Doha', 'QA', 25.285, 51.531, [], None),
])

write('h03-pajhwok-spin-boldak-firing', '''
Pajhwok Afghan News
Published: 9 December 2025

Pakistani forces' firing kills 3 civilians in Spin Boldak: officials

KANDAHAR CITY (Pajhwok): Three civilians including a child were martyred and four others wounded after the Pakistani military forces opened fire on residential areas of Spin Boldak district of southern Kandahar province on Monday night, officials said.

Islamic Emirate spokesman for Kandahar governor, Mahmood Azam, told Pajhwok Afghan News that the Pakistani side had started the firing without any reason and that the Islamic Emirate forces responded in a proportionate way.

He said the situation was under control now, but the Weesh-Chaman gate remains closed for trade and pedestrians since the incident.
''', [
  E('armed_clash', '2025-12-08', 1, 'Spin Boldak', 'AF', 31.006, 66.40, ['Pakistan', 'Afghanistan', 'Civilians'], 3),
  E('border_closure', None, None, 'Wesh', 'AF', 30.98, 66.42, [], None),
])

write('h04-dawn-mirali-checkpost', '''
Dawn | Published December 12, 2025 | Updated December 12, 2025 10:04am

Two soldiers martyred in attack on Mirali check-post

MIRALI: Two soldiers were martyred and three terrorists killed when terrorists attacked a security forces' check-post in the Hassu Khel area of Mirali tehsil, North Waziristan, in the wee hours of Thursday, officials said.

According to security sources, the terrorists attacked the post from multiple directions with heavy weapons. The troops responded effectively and after an exchange of fire lasting nearly two hours, the attackers were repulsed.

Meanwhile, unidentified motorcyclists shot dead a retired schoolteacher, Gul Rehman, near Eidak village on the Mirali-Miramshah road on Thursday evening. Police said the motive behind the killing was yet to be ascertained.
''', [
  E('armed_clash', '2025-12-11', 1, 'Mir Ali', 'PK', 33.02, 70.22, ['Pakistan', 'Militants'], 5),
  E('attack_on_civilians', '2025-12-11', 1, 'Eidak', 'PK', 33.01, 70.16, ['Unidentified armed group', 'Civilians'], 1),
])

write('h05-tolo-barmal-drones', '''
TOLOnews | 16 December 2025

Mujahid: Pakistani Drones Struck Homes in Barmal

The Islamic Emirate's spokesman, Zabihullah Mujahid, said late on Monday that Pakistani drones had bombed two houses in the Margha area of Barmal district in Paktika, killing six members of one family.

"The Pakistani regime has once again violated Afghanistan's airspace," Mujahid wrote on X, adding that the Islamic Emirate reserves the right to respond.

Pakistan's Foreign Office spokesperson dismissed the claim as "baseless" and said no Pakistani aircraft had entered Afghan airspace.

Residents of Margha told TOLOnews that the strikes took place on Sunday night.
''', [
  E('airstrike', '2025-12-14', 1, 'Barmal', 'AF', 32.71, 69.3, ['Pakistan', 'Civilians'], 6),
])

write('h06-express-urdu-bajaur-school', '''
Daily Express (translated from Urdu)
Dated: 19 December 2025

Miscreants blow up girls' school in Bajaur

KHAR (Bajaur): Unknown miscreants blew up a government girls' primary school with explosives in the Mamond tehsil of Bajaur district during the intervening night of Wednesday and Thursday. No loss of life occurred in the incident, however the building of the school was completely destroyed.

According to police, the miscreants had planted explosive material in two classrooms. Police have registered a case against unknown persons and started investigation.

In another incident, Levies personnel arrested two suspects along with weapons from Salarzai tehsil on Thursday.
''', [
  E('property_destruction', '2025-12-17', 1, 'Mamund', 'PK', 34.78, 71.42, ['Unidentified armed group'], 0),
  E('arrest', '2025-12-18', 1, 'Salarzai', 'PK', 34.83, 71.53, ['Pakistan'], None),
])

write('h07-ispr-kalat-ibo', '''
Inter Services Public Relations
No PR-301/2025-ISPR
Rawalpindi - December 21, 2025

On night 20/21 December 2025, security forces conducted an intelligence based operation in the general area of Mangochar, Kalat District, on reported presence of terrorists belonging to the Indian proxy Fitna al Hindustan. During the conduct of the operation, own troops effectively engaged the terrorists' location, and as a result, five Indian-sponsored terrorists were sent to hell.

Weapons, ammunition and explosives were also recovered from the killed terrorists, who remained actively involved in numerous terrorist activities including the killing of innocent civilians in the area.

Sanitization operation is being conducted to eliminate any other Indian-sponsored terrorist found in the area.
''', [
  E('armed_clash', '2025-12-20', 1, 'Mangochar', 'PK', 29.28, 66.72, ['Pakistan', 'BLA'], 5),
])

write('h08-reuters-kabul-suicide-bombing', '''
December 24, 2025 11:41 AM UTC

Suicide bomber kills four outside ministry in Kabul

KABUL, Dec 24 (Reuters) - A suicide bomber blew himself up outside a ministry building in central Kabul on Wednesday, killing at least four people and wounding 12, a Taliban government spokesman said. Islamic State's regional affiliate, Islamic State Khorasan Province, claimed responsibility in a statement on its Amaq news agency.

The attack was the deadliest in the capital since a suicide bombing at the ministry of refugees in December last year killed the minister, Khalil Haqqani.

Taliban security forces sealed off the area and detained several people for questioning, witnesses said.
''', [
  E('suicide_bomb', '2025-12-24', 1, 'Kabul', 'AF', 34.528, 69.172, ['ISKP'], 4),
  E('suicide_bomb', None, 3, 'Kabul', 'AF', 34.528, 69.172, [], 1),
  E('arrest', '2025-12-24', 1, 'Kabul', 'AF', 34.528, 69.172, ['Afghanistan'], None),
])

write('h09-app-jcc-talks', '''
APP | Islamabad | January 8, 2026

Pak-Afghan JCC to meet in Islamabad next week

ISLAMABAD, Jan 8 (APP): The next round of the Pakistan-Afghanistan Joint Coordination Committee will be held in Islamabad on January 14, the Foreign Office spokesperson said at the weekly press briefing on Thursday.

The spokesperson said the two sides had held "constructive" virtual talks on Monday on resuming transit trade through Torkham, which has been suspended since October.

Responding to a question, she said Pakistan had not closed the Ghulam Khan crossing, and reports of a closure circulating on social media were "incorrect".
''', [
  E('talks', '2026-01-14', 1, 'Islamabad', 'PK', 33.69, 73.05, ['Pakistan', 'Afghanistan'], None),
  E('talks', '2026-01-05', 1, None, None, None, None, ['Pakistan', 'Afghanistan'], None),
  E('trade_disruption', None, None, 'Torkham', 'PK', 34.1147, 71.0847, [], None),
])

write('h10-brecorder-chaman-transit', '''
Business Recorder
Published 14 Jan, 2026

Afghan transit cargo resumes via Chaman after 90-day halt

QUETTA: Movement of Afghan transit trade cargo resumed through the Chaman border on Tuesday after a gap of nearly three months, customs officials said.

About 120 containers crossed into Afghanistan on the first day, while another 300 vehicles were waiting at the Chaman customs station.

The crossing had been closed for all traffic on October 12. Pedestrian movement, however, remains suspended, the officials said.
''', [
  E('border_reopening', '2026-01-13', 1, 'Chaman', 'PK', 30.918, 66.453, [], None),
  E('border_closure', '2025-10-12', 1, 'Chaman', 'PK', 30.918, 66.453, [], None),
  E('crossing_restriction', None, None, 'Chaman', 'PK', 30.918, 66.453, [], None),
])

write('h11-tbp-nushki-bus-attack', '''
The Balochistan Post
Jan 20, 2026

Gunmen target buses near Nushki; seven killed

NUSHKI - Armed men affiliated with the Baloch Liberation Army on Sunday evening stopped a convoy of buses on the RCD highway near Nushki and opened fire on passengers, killing at least seven, a senior police official said.

The BLA said in a statement that its fighters had targeted "occupying army personnel" travelling in civilian vehicles and claimed that 27 soldiers were killed. The government put the death toll at seven, all of them civilians, and denied that any soldier was on board.

Two days later, security forces said they had killed four militants involved in the attack in a raid in the Kishingi area of Nushki district.
''', [
  E('attack_on_civilians', '2026-01-18', 1, 'Nushki', 'PK', 29.55, 66.02, ['BLA', 'Civilians'], 7),
  E('armed_clash', '2026-01-20', 1, 'Kishingi', 'PK', 29.5, 66.0, ['Pakistan', 'Militants'], 4),
])

write('h12-chitral-arandu-attack', '''
CHITRAL: Security forces repulsed an attack by a large group of militants who crossed into the Arandu area of Lower Chitral from Afghanistan's Nooristan province on Saturday, officials said on Sunday.

According to officials, around 150 militants tried to overrun border posts at Arundu, triggering a gunfight that lasted several hours. Four soldiers embraced martyrdom, while the military claimed that at least 20 militants were killed.

The TTP claimed in a statement that it had captured two posts, but security officials rejected the claim.

Published: 4 January 2026
''', [
  E('armed_clash', '2026-01-03', 1, 'Arandu', 'PK', 35.38, 71.57, ['Pakistan', 'TTP'], 24),
])

write('h13-ariana-torkham-denial', '''
Ariana News
Published: 28 January 2026

Torkham calm, officials deny reports of firing

Afghan border officials in Nangarhar on Tuesday rejected reports on social media that Pakistani and Afghan forces had exchanged fire at Torkham overnight, saying the situation was "completely normal".

"There has been no firing, and no one has been hurt," said Qureshi Badlon, head of information in Nangarhar. Trade and the movement of travellers continued as usual, he said.

A Pakistani official in Landi Kotal also said there had been no incident, but added that security had been tightened after militants attacked a checkpost in Tirah valley last week, killing two Levies personnel.
''', [
  E('armed_clash', '2026-01-21', 2, 'Tirah', 'PK', 33.85, 70.95, ['Militants', 'Pakistan'], 2),
])

write('h14-iom-returns-torkham', '''
IOM Afghanistan | Border Consortium Update
9 February 2026

Returns from Pakistan surge as deadline passes

From 3 to 6 February, an average of 1,900 undocumented Afghans returned through the Torkham and Spin Boldak crossings each day, according to IOM and the Border Consortium, following the expiry of Pakistan's 31 January deadline for Afghan Citizen Card holders to leave the country.

In Pakistan, police in Islamabad and Rawalpindi detained at least 350 Afghan nationals in door-to-door searches on 4 February, human rights groups said.

Returnees reported that their belongings had been confiscated at checkpoints. Reception centres at Omari camp near Torkham were operating above capacity.
''', [
  E('refugee_movement', '2026-02-03', 2, 'Torkham', 'PK', 34.1147, 71.0847, ['Returnees'], None),
  E('refugee_movement', '2026-02-03', 2, 'Spin Boldak', 'AF', 31.006, 66.40, ['Returnees'], None),
  E('arrest', '2026-02-04', 1, 'Islamabad', 'PK', 33.69, 73.05, ['Pakistan', 'Afghan nationals'], None),
  E('arrest', '2026-02-04', 1, 'Rawalpindi', 'PK', 33.6, 73.04, ['Pakistan', 'Afghan nationals'], None),
])

write('h15-bbc-explainer-closures', '''
BBC News | 12 February 2026

Pakistan-Afghanistan: Why the border keeps closing

Trade at Torkham has been halted at least five times since 2023. The crossing was shut for weeks last October.

On Wednesday, the crossing was closed again after Pakistani and Afghan border guards exchanged fire over a fence being repaired on the Afghan side, local officials said. No casualties were reported.

Analysts say the repeated closures have cost traders on both sides hundreds of millions of dollars. The ceasefire mediated by Qatar and Turkey in October has not addressed the management of crossings.
''', [
  E('border_closure', None, 3, 'Torkham', 'PK', 34.1147, 71.0847, [], None),
  E('border_closure', '2026-02-11', 1, 'Torkham', 'PK', 34.1147, 71.0847, [], None),
  E('armed_clash', '2026-02-11', 1, 'Torkham', 'PK', 34.1147, 71.0847, ['Pakistan', 'Afghanistan'], 0),
  E('ceasefire_agreement', None, 3, None, None, None, None, ['Qatar', 'Türkiye'], None),
])

write('h16-tribune-pezu-police-station', '''
The Express Tribune
February 15, 2026

Police repel attack on Lakki Marwat station

LAKKI MARWAT: Police foiled an attempt by militants to storm the Pezu police station late on Saturday night, killing two of the attackers in an hour-long exchange of fire, District Police Officer Nazir Khan said.

One constable, Irfanullah, was martyred and two others were injured, he said. The outlawed Tehreek-e-Taliban Pakistan claimed responsibility in a message to the media, saying its fighters had killed five policemen.

In a separate incident, a quadcopter dropped an explosive on a house in Bannu's Mamash Khel area on Sunday morning, injuring three children. Residents blamed militants for the attack, while the militants denied involvement.
''', [
  E('armed_clash', '2026-02-14', 1, 'Pezu', 'PK', 32.31, 70.73, ['Pakistan', 'TTP'], 3),
  E('airstrike', '2026-02-15', 1, 'Bannu', 'PK', 32.985, 70.604, ['Civilians'], None),
])

write('h17-karachi-chinese-convoy', '''
KARACHI, Feb 21: Two Chinese engineers and their Pakistani driver were killed when a suicide bomber rammed an explosives-laden car into their convoy near Karachi airport on Thursday night, Sindh's home minister said on Friday.

The Balochistan Liberation Army's Majeed Brigade claimed responsibility.

The Chinese embassy condemned the attack and urged Pakistan to hunt down the perpetrators. Pakistan's interior minister, who flew to Karachi on Friday, said security for Chinese nationals working on CPEC projects would be reviewed.

Published: 21 February 2026
''', [
  E('suicide_bomb', '2026-02-19', 1, 'Karachi', 'PK', 24.86, 67.01, ['BLA', 'Civilians'], 3),
])

write('h18-amu-panjshir-nrf', '''
Amu TV
Published: 2 March 2026

NRF says it killed Taliban fighters in Panjshir; Taliban deny

The National Resistance Front (NRF) said on Sunday that its fighters had attacked a Taliban checkpoint in the Abshar district of Panjshir province on Saturday night, killing four Taliban members and wounding three.

Taliban spokesman Zabihullah Mujahid denied the claim, saying there had been no fighting in Panjshir.

Separately, Taliban intelligence forces detained a former army officer in Kabul's Khair Khana area on Sunday, his family told Amu.
''', [
  E('armed_clash', '2026-02-28', 1, 'Abshar', 'AF', 35.32, 69.55, ['NRF', 'Afghanistan'], 4),
  E('arrest', '2026-03-01', 1, 'Kabul', 'AF', 34.58, 69.13, ['Afghanistan'], None),
])

write('h19-wana-angoor-adda-after-doha', '''
Published: March 10, 2026

Fresh exchange of fire near Angoor Adda, days after Doha review

WANA: Pakistani and Afghan border forces exchanged fire near the Angoor Adda crossing in South Waziristan on Sunday, three days after the two sides met in Doha to review the ceasefire, officials said.

A Pakistani security official said the firing started when Afghan forces objected to repair work on the fence. No casualties were reported on the Pakistani side; Afghan officials in Paktika said one border guard was killed.

The Doha review meeting had ended with a pledge to set up a joint hotline between border commanders.
''', [
  E('armed_clash', '2026-03-08', 1, 'Angoor Adda', 'PK', 32.5156, 69.2825, ['Pakistan', 'Afghanistan'], 1),
  E('talks', '2026-03-05', 1, 'Doha', 'QA', 25.285, 51.531, ['Pakistan', 'Afghanistan'], None),
])

write('h20-bajaur-loi-mamund-operation', '''
Published: 18 March 2026

Bajaur operation: thousands flee Loi Mamund

KHAR: Thousands of residents of Loi Mamund tehsil in Bajaur tribal district have fled to Khar and Peshawar since security forces launched an operation against militants in the area on March 12, officials said.

The district administration imposed a curfew in 16 villages from 12 to 15 March. During the curfew, security forces and militants clashed repeatedly in the Damadola area, officials said, adding that 11 militants and two soldiers were killed.

Relief camps were set up in Khar's sports complex, where 2,100 families had registered by Monday.
''', [
  E('displacement', None, 3, 'Mamund', 'PK', 34.78, 71.42, ['Residents'], None),
  E('armed_clash', '2026-03-12', 2, 'Damadola', 'PK', 34.77, 71.46, ['Pakistan', 'Militants'], 13),
])

write('h21-thenews-peshawar-transporters', '''
The News International
Published: 24 March 2026

Transporters block Peshawar ring road over Torkham closure

PESHAWAR: Hundreds of transporters and labourers blocked the Peshawar ring road for five hours on Monday to protest against the continued closure of the Torkham border, which they said had left more than 10,000 workers jobless.

Police did not use force against the protesters, and the road was reopened after the district administration promised to take up their demands with the federal government.

Leaders of the Khyber Transport Association warned that they would block the motorway if the crossing was not reopened by the end of the month.
''', [
  E('protest', '2026-03-23', 1, 'Peshawar', 'PK', 34.008, 71.578, ['Transporters'], None),
  E('border_closure', None, None, 'Torkham', 'PK', 34.1147, 71.0847, [], None),
])

write('h22-turkiye-mfa-fourth-round', '''
Republic of Türkiye Ministry of Foreign Affairs

No: 61, 27 March 2026, Press Release Regarding the Fourth Round of Talks Between Afghanistan and Pakistan

The fourth round of talks between delegations of Afghanistan and Pakistan, hosted by Türkiye and Qatar, took place in Istanbul from 25 to 26 March 2026.

The parties agreed to extend the ceasefire and to establish a joint monitoring and verification mechanism, whose first meeting will be held in Istanbul on 15 April 2026.

Türkiye will continue to support all efforts towards lasting peace and stability in the region.
''', [
  E('talks', '2026-03-25', 2, 'Istanbul', 'TR', 41.014, 28.95, ['Afghanistan', 'Pakistan', 'Türkiye', 'Qatar'], None),
  E('ceasefire_agreement', '2026-03-25', 2, 'Istanbul', 'TR', 41.014, 28.95, ['Afghanistan', 'Pakistan'], None),
  E('talks', '2026-04-15', 1, 'Istanbul', 'TR', 41.014, 28.95, [], None),
])

write('h23-quetta-sariab-road-blast', '''
Published: 30 March 2026

Quetta: Blast near FC vehicle on Sariab Road

QUETTA: At least three persons including an FC personnel lost their lives and eleven others sustained injuries when a remote-controlled bomb planted in a motorcycle went off near a vehicle of Frontier Corps on Sariab Road here on Sunday evening.

Police sources said the vehicle was the apparent target. Bomb disposal squad reached the spot and collected evidences. The injured were shifted to Civil Hospital Quetta where emergency was declared.

No organisation has so far claimed the responsibility for the blast.
''', [
  E('ied', '2026-03-29', 1, 'Quetta', 'PK', 30.18, 67.0, ['Pakistan'], 3),
])

write('h24-kunar-sarkano-mortars-pashto', '''
Shamshad TV (English service)
Published: 2 April 2026

Mortars from across Durand Line hit Sarkano; two dead

ASADABAD: Two members of a nomad family were killed when mortar rounds fired by Pakistani forces hit their tents in the Sarkano district of Kunar on Wednesday, the provincial police spokesman Fareed Dehqan said.

He said that the Islamic Emirate's border forces did not retaliate in order to respect the ceasefire, and that the matter had been raised with the Pakistani side through the joint hotline.

Pakistani officials did not respond to a request for comment.
''', [
  E('shelling', '2026-04-01', 1, 'Sarkano', 'AF', 34.78, 71.2, ['Pakistan', 'Civilians'], 2),
])
