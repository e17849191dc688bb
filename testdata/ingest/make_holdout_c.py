# Writes the third held-out set (see README.md, "Third held-out set"): 24 articles written and labelled
# blind — by an engineer who never read the coder (src/ingest/) and never ran it on these articles — in
# styles, outlets and places chosen to differ from dev/, holdout/ and holdout-b/. Same labelling
# conventions as README.md. Never tune the coder on these: they measure generalisation only.
#
# The articles are fictional, modelled on the 2025-2026 Pakistan-Afghanistan border conflict. Places are
# real; coordinates are given to two decimals from the labeller's own knowledge. Where the labeller was not
# sure of a small place (village, tehsil, crossing point), the event carries its district's (or nearest
# town's) coordinates and a comment says so: every such stand-in is within about 25 km of the place.
import datetime, json, os
OUT = os.path.join(os.path.dirname(__file__), 'holdout-c')
os.makedirs(OUT, exist_ok=True)
def E(type, date, tp, loc, country, lat, lon, actors, fat=None):
    return {"type": type, "date": date, "time_precision": tp, "location": loc, "country": country,
            "lat": lat, "lon": lon, "actors": actors, "fatalities": fat}
def write(slug, text, events, ext='txt'):
    open(os.path.join(OUT, f'{slug}.{ext}'), 'w').write(text.strip() + '\n')
    json.dump({"events": events}, open(os.path.join(OUT, f'{slug}.expected.json'), 'w'), indent=1, ensure_ascii=False)
def weekday(ymd, name):
    assert datetime.date.fromisoformat(ymd).strftime('%A') == name, (ymd, name)

# Shared places (real coordinates, 2 decimals).
DOHA = ('Doha', 'QA', 25.29, 51.53)
ISTANBUL = ('Istanbul', 'TR', 41.01, 28.95)
TORKHAM = ('Torkham', 'PK', 34.11, 71.08)      # the town and crossing; PK as in the earlier sets
CHAMAN = ('Chaman', 'PK', 30.92, 66.45)
SPIN_BOLDAK = ('Spin Boldak', 'AF', 31.01, 66.40)
# c01 — Reuters wire: dateline, "Monday night", two places, a claim without a number, a crossing
# closed the same day, and a dated background ceasefire ("Oct. 19").
weekday('2026-05-12', 'Tuesday')
write('c01-reuters-kurram-exchange', '''
May 12, 2026 7:41 AM GMT+5 · Updated 3 hours ago

Pakistani, Afghan forces trade fire on Kurram border; three dead

By Asif Shahzad and Mohammad Yunus Yawar

PARACHINAR, Pakistan, May 12 (Reuters) - Pakistani and Afghan border forces exchanged heavy machine-gun fire in Pakistan's Kurram district on Monday night, killing two Pakistani paramilitary soldiers, Pakistani security officials said on Tuesday.

Pakistani artillery later shelled villages across the border in the Dand-e-Patan district of Afghanistan's Paktia province, killing a woman and wounding three of her children, a Taliban district official told Reuters by telephone.

A spokesman for the Taliban's defence ministry said Afghan forces had destroyed two Pakistani posts and killed "several" soldiers. Reuters could not independently verify either side's account.

Pakistan closed the Kharlachi border crossing in Kurram on Tuesday morning, a local administration official said, stranding dozens of trucks.

The clash is the most serious since the two countries agreed to a ceasefire in Doha on Oct. 19. Qatar and Turkey mediated that truce.

(Reporting by Asif Shahzad in Islamabad and Mohammad Yunus Yawar in Kabul; Editing by Raju Gopalakrishnan)

Our Standards: The Thomson Reuters Trust Principles.
''', [
  # Kharlachi is a crossing point west of Parachinar; not sure of its exact coordinates: Parachinar's.
  E('armed_clash', '2026-05-11', 1, 'Kurram', 'PK', 33.90, 70.10, ['Pakistan', 'Afghanistan'], 2),
  # Dand-e-Patan district centre, approximate (on the border west of Parachinar).
  E('shelling', '2026-05-11', 1, 'Dand-e-Patan', 'AF', 33.77, 69.93, ['Pakistan', 'Civilians'], 1),
  E('border_closure', '2026-05-12', 1, 'Kharlachi', 'PK', 33.90, 70.10, ['Pakistan'], None),
  E('trade_disruption', '2026-05-12', 1, 'Kharlachi', 'PK', 33.90, 70.10, [], None),
  E('ceasefire_agreement', '2025-10-19', 1, *DOHA, ['Pakistan', 'Afghanistan', 'Qatar', 'Türkiye'], None),
])

# c02 — ISPR press release: "khwarij" (TTP), "sent to hell", "embraced shahadat", a night span, a
# second operation the next day, boilerplate about Afghanistan that is no event.
weekday('2026-05-19', 'Tuesday')
write('c02-ispr-bajaur-tank-ibos', '''
No PR-71/2026-ISPR
Rawalpindi - May 19, 2026

On night 17/18 May 2026, security forces conducted an intelligence based operation in Salarzai area of Bajaur District, on reported presence of khwarij belonging to Indian proxy Fitna al Khwarij.

During the conduct of operation, own troops effectively engaged the khwarij location and after an intense exchange of fire, eleven khwarij were sent to hell. Weapons, ammunition and explosives were also recovered from the killed khwarij, who remained actively involved in numerous terrorist activities against the Law Enforcement Agencies as well as target killing of innocent civilians.

On 18 May 2026, in another engagement in Tank District, security forces effectively engaged a group of khwarij, and three khwarij were neutralised. However, during the intense exchange of fire, Sepoy Muhammad Irfan (age 24 years, resident of District Karak), having fought gallantly, embraced shahadat.

Sanitisation operation is being conducted to eliminate any other khwarij found in the area, as the security forces of Pakistan are determined to wipe out the menace of Indian sponsored terrorism from the country.

Pakistan has consistently asked the Interim Afghan Government to ensure effective border management on their side of the border. Interim Afghan Government is expected to fulfil its obligations and deny the use of Afghan soil by khwarij for perpetrating terrorist activities against Pakistan.
''', [
  # Salarzai tehsil, Bajaur: Bajaur district centre (Khar) used, within ~15 km.
  E('armed_clash', '2026-05-17', 1, 'Salarzai', 'PK', 34.73, 71.52, ['Pakistan', 'TTP'], 11),
  E('armed_clash', '2026-05-18', 1, 'Tank', 'PK', 32.22, 70.38, ['Pakistan', 'TTP'], 4),
])

# c03 — Dawn local briefs: one paragraph per district, datelined in capitals; wounded-only figures;
# a refuted social-media claim (no event).
weekday('2026-05-27', 'Wednesday')
write('c03-dawn-southern-districts-briefs', '''
DAWN.COM
Published May 27, 2026 Updated about 9 hours ago

Polio worker shot dead in Kulachi; police station attacked in Lakki

Our Correspondents

DERA ISMAIL KHAN: Unidentified gunmen shot dead a polio worker in Kulachi tehsil on Tuesday, police said. The victim, Zarmina Bibi, was going door-to-door with a vaccination team when two men on a motorcycle opened fire on her. The team's police guard escaped unhurt. The vaccination drive in the tehsil was suspended for the day.

LAKKI MARWAT: A police constable was injured when militants attacked the Serai Naurang police station late on Monday night. Police said the attack was repulsed after an hour-long gunfight and the attackers fled towards the hills.

TANK: The Counter-Terrorism Department arrested two suspected militants in a raid in Tank and recovered hand grenades and a suicide vest from their possession, a CTD spokesman said.

BANNU: Reports circulating on social media that militants had seized the Domel police station were false, the district police officer said on Tuesday. "The station has not been attacked and all our personnel are safe," he said.

Published in Dawn, May 27th, 2026
''', [
  E('attack_on_civilians', '2026-05-26', 1, 'Kulachi', 'PK', 31.93, 70.46, ['Unidentified armed group', 'Polio workers'], 1),
  E('armed_clash', '2026-05-25', 1, 'Serai Naurang', 'PK', 32.83, 70.78, ['Militants', 'Pakistan'], None),
  E('arrest', '2026-05-27', 2, 'Tank', 'PK', 32.22, 70.38, ['Pakistan', 'Militants'], None),
])

# c04 — TOLOnews in translation-flavoured English, Solar Hijri date beside the Gregorian one, "Weesh",
# "yesterday", a threat (no event), ongoing closure (null date).
weekday('2026-06-02', 'Tuesday')
write('c04-tolo-weesh-mortars', '''
TOLOnews
12 Jawza 1405 - 02 June 2026

Residents: Pakistani Forces' Mortars Wounded Two Children in Spin Boldak

Some residents of Spin Boldak district of Kandahar province said that the Pakistani forces on Sunday evening fired mortars on the Weesh area and as a result two children were wounded.

"The mortars hit near our houses, two children of my brother were wounded and they were taken to the Kandahar hospital," said Abdul Wali, a resident of Weesh.

Meanwhile, the spokesman of the Islamic Emirate, Zabihullah Mujahid, said that the Islamic Emirate is committed to the Doha agreement and does not want the tension, but "if the aggression is repeated, it will be responded."

Traders said that the Spin Boldak-Chaman gate is closed for the fourth consecutive day, and hundreds of trucks containing fresh fruits are stranded on both sides.

"Every day we are losing millions of Afghanis, the fruits are rotting," said Haji Nasrullah, a trader.

According to the Ministry of Refugees and Repatriation, yesterday 1,240 families returned from Pakistan through Torkham and Spin Boldak ports.

Pakistani officials have not commented on the matter so far.
''', [
  # Weesh (Wesh) is the Afghan side of the Spin Boldak-Chaman crossing.
  E('shelling', '2026-05-31', 1, 'Weesh', 'AF', 31.01, 66.40, ['Pakistan', 'Children'], None),
  E('border_closure', None, None, *SPIN_BOLDAK, [], None),
  E('trade_disruption', None, None, *SPIN_BOLDAK, ['Traders'], None),
  E('refugee_movement', '2026-06-01', 1, *TORKHAM, ['Returnees'], None),
  E('refugee_movement', '2026-06-01', 1, *SPIN_BOLDAK, ['Returnees'], None),
])

# c05 — Al Jazeera explainer: dated background paragraphs, "two days later", conflicting claims about the
# same soldiers (lowest), a 48-hour truce with no place, a scheduled meeting ("on Saturday"), hypotheticals.
weekday('2026-06-10', 'Wednesday')
write('c05-aljazeera-explainer-truce', '''
Explainer
Published On 10 Jun 2026

Why does the Pakistan-Afghanistan truce keep faltering?

Eight months after a Qatar-brokered ceasefire, the two neighbours are due to meet again. Here is what you need to know.

How did the fighting start?

On October 9, 2025, explosions shook the Afghan capital, Kabul, in what the Taliban said were Pakistani drone strikes aimed at the leader of the Pakistani Taliban (TTP). Pakistan neither confirmed nor denied carrying them out.

Two days later, Afghan forces attacked Pakistani border posts at several points along the frontier. Pakistan's military said 23 of its soldiers were killed; the Taliban claimed to have killed 58.

What happened next?

A 48-hour truce was agreed on October 15 and then extended. On October 19, the two sides signed a ceasefire in Doha, mediated by Qatar and Turkey, and agreed to keep talking.

Has the ceasefire held?

Largely, but not fully. Both sides accuse each other of violations, and Pakistan says TTP attacks from Afghan soil have not stopped. Kabul denies harbouring the group.

What happens now?

Delegations from Islamabad and Kabul are due to meet in the Saudi capital, Riyadh, on Saturday, officials on both sides told Al Jazeera. Analysts say that if the talks fail, Pakistan could resume air strikes inside Afghanistan, and the TTP could step up its attacks.

SOURCE: AL JAZEERA
''', [
  E('airstrike', '2025-10-09', 1, 'Kabul', 'AF', 34.53, 69.17, ['Pakistan'], None),
  # "at several points along the frontier": the border line itself, no country. 23 vs 58: lowest.
  E('armed_clash', '2025-10-11', 1, 'Pakistan–Afghanistan border', None, None, None, ['Afghanistan', 'Pakistan'], 23),
  E('ceasefire_agreement', '2025-10-15', 1, None, None, None, None, ['Pakistan', 'Afghanistan'], None),
  E('ceasefire_agreement', '2025-10-19', 1, *DOHA, ['Pakistan', 'Afghanistan', 'Qatar', 'Türkiye'], None),
  E('talks', '2026-06-13', 1, 'Riyadh', 'SA', 24.71, 46.68, ['Pakistan', 'Afghanistan'], None),
])

# c06 — Pajhwok: "As many as", Monday evening, Daesh named only as background (no actor), an arrest with
# no day (publication date), a crossing restricted to pedestrians (ongoing).
weekday('2026-06-16', 'Tuesday')
write('c06-pajhwok-achin-mine', '''
Pajhwok Afghan News
Jun 16, 2026 - 14:05

3 killed, 5 injured in Nangarhar roadside mine blast

JALALABAD (Pajhwok): As many as three people were killed and five others injured in a roadside mine explosion in Achin district of eastern Nangarhar province, officials said on Tuesday.

Police spokesman Sayed Tayeeb Hamad told Pajhwok Afghan News the incident happened on Monday evening in the Pekha area, when a vehicle carrying local residents to a wedding struck the mine.

He said the dead and the injured were all civilians, including two women. No group claimed responsibility for the blast. Daesh militants were active in Achin district in the past.

In another incident, security forces of the Islamic Emirate arrested four persons in Lalpur district on charge of smuggling weapons across the Durand Line, he added.

Separately, officials at the Torkham port said the crossing would remain open for pedestrians only until next Sunday due to repair works on the main gate, and goods vehicles would not be allowed to cross.

Related: Kabul bank to launch mobile payment service
''', [
  # Achin and Lalpur district centres, approximate.
  E('ied', '2026-06-15', 1, 'Achin', 'AF', 34.08, 70.68, ['Civilians'], 3),
  E('arrest', '2026-06-16', 2, 'Lalpur', 'AF', 34.25, 70.98, ['Afghanistan'], None),
  E('crossing_restriction', None, None, *TORKHAM, [], None),
])

# c07 — OCHA flash update as PDF text: page chrome, "as of" date, two districts with separate tolls,
# displacement over a day span, a table of returns per crossing, access denied.
weekday('2026-06-24', 'Wednesday')
write('c07-ocha-kunar-flash-update', '''
UNITED NATIONS
Office for the Coordination of Humanitarian Affairs
AFGHANISTAN

Afghanistan: Kunar Cross-Border Shelling and Returns
Flash Update No. 3 (as of 23 June 2026)
Issued 24 June 2026

HIGHLIGHTS
• Civilians killed and injured in Kunar province
• About 4,500 people displaced from border villages
• Returns from Pakistan remain high

SITUATION OVERVIEW
On 21 June, shelling by Pakistani forces, as reported by local authorities, hit residential areas in Sarkano and Khas Kunar districts of Kunar province. In Sarkano district, three civilians, all children, were killed and eight others injured. In Khas Kunar district, one woman was killed and three people were injured.

An estimated 640 families (about 4,500 people) were displaced from border villages of Sarkano district between 21 and 22 June, mostly to Asadabad city and to relatives in neighbouring districts. Humanitarian partners conducted a rapid needs assessment on 23 June.

On 22 June, humanitarian partners were denied access to Dangam district by local authorities, who cited the security situation.

Page 1 of 2

OCHA Afghanistan | Flash Update No. 3 | 23 June 2026

RETURNS FROM PAKISTAN
Crossing point          Returnees (22 Jun)    Returnees since 1 Jan
Torkham                 3,410                 212,300
Spin Boldak             1,980                 98,740
Total                   5,390                 311,040

HUMANITARIAN RESPONSE
Partners distributed food, non-food items and emergency shelter to 310 displaced families in Asadabad. Additional funding of US$2.1 million is required to respond to the needs of the displaced and the returnees over the next three months.

For further information, please contact: ochaafghanistan@un.org
Page 2 of 2
''', [
  # Sarkano, Khas Kunar: district centres, approximate.
  E('shelling', '2026-06-21', 1, 'Sarkano', 'AF', 34.78, 71.20, ['Pakistan', 'Civilians'], 3),
  E('shelling', '2026-06-21', 1, 'Khas Kunar', 'AF', 34.62, 71.08, ['Pakistan', 'Civilians'], 1),
  E('displacement', '2026-06-21', 2, 'Sarkano', 'AF', 34.78, 71.20, ['Families'], None),
  E('access_denied', '2026-06-22', 1, 'Dangam', 'AF', 34.97, 71.42, ['Afghanistan'], None),
  E('refugee_movement', '2026-06-22', 1, *TORKHAM, ['Returnees'], None),
  E('refugee_movement', '2026-06-22', 1, *SPIN_BOLDAK, ['Returnees'], None),
])

# c08 — live blog: times in PKT, a rising death toll (latest figure), two sides' tolls for different
# victims (added), an unverified report denied (no event), a mediator's call for restraint (no event).
weekday('2026-07-03', 'Friday')
write('c08-liveblog-torkham-clashes', '''
LIVE
Torkham clashes: Pakistani and Afghan forces exchange fire, crossing shut — latest updates

Last updated: 3 July 2026, 17:02 PKT

17:02 PKT
That's all from our live coverage for today. A summary of the day's events is below.

16:30 PKT
Posts on social media claim a Pakistani drone strike in Nazian district of Nangarhar. The spokesman for the Nangarhar governor told us no strike took place and that the district is calm. We have not been able to verify the posts.

15:45 PKT
Qatar's foreign ministry says it is in contact with both sides and urges "maximum restraint".

14:05 PKT
The death toll from the mortar shell that hit a house in Landi Kotal bazaar has risen to five, a doctor at the Landi Kotal hospital tells us. Pakistani officials blame Afghan forces for the shelling.

13:20 PKT
The Taliban's deputy spokesman, Hamdullah Fitrat, says two Afghan border guards have been killed at Torkham and accuses Pakistani forces of firing first. The ISPR says one Pakistani soldier was martyred in the exchange.

11:30 PKT
The Torkham crossing has been closed for all traffic. Transporters say hundreds of trucks are backed up for about ten kilometres on the Peshawar-Torkham highway.

10:40 PKT
Officials in Khyber district say three civilians were killed when a mortar shell hit a house in Landi Kotal bazaar.

09:12 PKT
Heavy exchange of fire between Pakistani and Afghan border forces at Torkham since early this morning, residents and officials say. Shops in the border market have closed.
''', [
  E('armed_clash', '2026-07-03', 1, *TORKHAM, ['Pakistan', 'Afghanistan'], 3),
  E('shelling', '2026-07-03', 1, 'Landi Kotal', 'PK', 34.10, 71.14, ['Afghanistan', 'Civilians'], 5),
  E('border_closure', '2026-07-03', 1, *TORKHAM, [], None),
  E('trade_disruption', '2026-07-03', 1, *TORKHAM, ['Transporters'], None),
])

# c09 — weekly roundup: many short events, weekday names resolved inside the week before publication,
# a "no incidents" line, "no casualties" (0), a tehsil and a sub-district stood in for by their towns.
weekday('2026-07-13', 'Monday')
weekday('2026-07-06', 'Monday')
write('c09-weekly-frontier-roundup', '''
The Frontier Week
Monday, July 13, 2026

Security roundup: the week on the frontier (July 6-12)

A quieter week on the Afghan border, but militant violence continued in Balochistan and Waziristan.

Monday (July 6): Two Frontier Corps soldiers were martyred when an IED hit their vehicle in the Buleda area of Kech district. The Balochistan Liberation Front (BLF) claimed the attack.

Tuesday: Gunmen on a motorcycle shot dead a local leader of the JUI-F outside his house in Chaman.

Wednesday: Security forces killed four militants in an exchange of fire in the Shewa area of North Waziristan, the ISPR said.

Thursday: No incidents were reported at the Torkham crossing, which remained open for trade.

Friday: The CTD arrested three suspected BLA facilitators in Quetta.

Saturday: A rocket fired by militants landed inside the Miranshah cantonment. There were no casualties.

Sunday: More than 2,100 Afghans returned home through Chaman, officials said.

Next week: Pakistan's parliament is expected to debate the national security situation.
''', [
  # Buleda (Kech): Turbat, the district centre, used (~25 km).
  E('ied', '2026-07-06', 1, 'Buleda', 'PK', 26.00, 63.05, ['BLF', 'Pakistan'], 2),
  E('attack_on_civilians', '2026-07-07', 1, *CHAMAN, ['Unidentified armed group', 'Civilians'], 1),
  # Shewa, North Waziristan: Mir Ali used, approximate.
  E('armed_clash', '2026-07-08', 1, 'Shewa', 'PK', 33.02, 70.27, ['Pakistan', 'Militants'], 4),
  E('arrest', '2026-07-10', 1, 'Quetta', 'PK', 30.18, 67.00, ['Pakistan', 'BLA'], None),
  E('shelling', '2026-07-11', 1, 'Miranshah', 'PK', 33.00, 70.07, ['Militants', 'Pakistan'], 0),
  E('refugee_movement', '2026-07-12', 1, *CHAMAN, ['Returnees'], None),
])

# c10 — Qatar's foreign ministry: an agreement and talks "today", scheduled reopenings on a named
# Saturday, a vague next round ("second week of August"), a dated recall of the 2025 Doha agreement.
weekday('2026-07-15', 'Wednesday')
weekday('2026-07-18', 'Saturday')
write('c10-qatar-mofa-extension', '''
Ministry of Foreign Affairs - State of Qatar
Press Releases

Qatar Welcomes Agreement Between Islamic Republic of Pakistan and Afghanistan to Extend Ceasefire

Doha, July 15, 2026

The State of Qatar welcomes the agreement reached today in Doha between the delegations of the Islamic Republic of Pakistan and Afghanistan, in partnership with the Republic of Türkiye, to extend the ceasefire and to establish a joint monitoring and verification mechanism.

The two sides agreed, during talks held today in Doha, to reopen the Torkham and Chaman crossings for trade starting Saturday, July 18, and to hold the next round of talks in Istanbul in the second week of August.

The Ministry of Foreign Affairs recalls the Doha agreement of 19 October 2025, and affirms that the State of Qatar will continue, in partnership with the Republic of Türkiye, to support all efforts aimed at achieving lasting peace and stability in the region.

The Ministry also expresses its appreciation to the two brotherly countries for the positive spirit they have shown.
''', [
  E('talks', '2026-07-15', 1, *DOHA, ['Pakistan', 'Afghanistan', 'Qatar', 'Türkiye'], None),
  E('ceasefire_agreement', '2026-07-15', 1, *DOHA, ['Pakistan', 'Afghanistan', 'Qatar', 'Türkiye'], None),
  E('border_reopening', '2026-07-18', 1, *TORKHAM, [], None),
  E('border_reopening', '2026-07-18', 1, *CHAMAN, [], None),
  E('talks', None, 3, *ISTANBUL, ['Pakistan', 'Afghanistan'], None),
  E('ceasefire_agreement', '2025-10-19', 1, *DOHA, ['Pakistan', 'Afghanistan'], None),
])

# c11 — op-ed in The News: past events named by date ("November 11 last year", "a day earlier"),
# a possessive weekday ("Saturday's reopening"), threats and conditionals (no events).
weekday('2026-07-20', 'Monday')
write('c11-thenews-oped-lessons', '''
The News International
Opinion
July 20, 2026

Reopened gates, closed minds

By Zahid Hussain Qureshi

Saturday's reopening of Torkham and Chaman was greeted with relief by traders on both sides, and rightly so. But the relief should not be mistaken for progress.

We have been here before. On November 11 last year, a suicide bomber killed 12 people outside the district courts in Islamabad. A day earlier, militants had stormed the cadet college in Wana; the attackers were all killed before they could reach the students. Each time, Islamabad promised a decisive response, and each time the border was shut and then quietly reopened.

The ceasefire signed in Doha has reduced the frequency of cross-border shelling, but it has done little about the TTP's sanctuaries. Should Kabul fail to act, Pakistan will have no choice but to strike the hideouts again, the defence minister warned last week.

If the new monitoring mechanism is to mean anything, it must be able to say, publicly and quickly, who fired first. Otherwise, the next closure is only a matter of time.

The writer is a former ambassador to Afghanistan.
''', [
  E('border_reopening', '2026-07-18', 1, *TORKHAM, [], None),
  E('border_reopening', '2026-07-18', 1, *CHAMAN, [], None),
  E('suicide_bomb', '2025-11-11', 1, 'Islamabad', 'PK', 33.72, 73.06, ['Militants', 'Civilians'], 12),
  E('armed_clash', '2025-11-10', 1, 'Wana', 'PK', 32.30, 69.58, ['Militants', 'Pakistan'], None),
  # 'The ceasefire signed in Doha': a background reference without a date.
  E('ceasefire_agreement', None, None, *DOHA, ['Pakistan', 'Afghanistan'], None),
])

# c12 — AFP fact-check: a viral claim refuted (no event), a real clash mentioned in passing.
weekday('2026-07-28', 'Tuesday')
weekday('2026-07-26', 'Sunday')
write('c12-afp-factcheck-kandahar-video', '''
AFP Fact Check
Published on Tuesday 28 July 2026 at 11:20

Video does not show Pakistani jets bombing Kandahar airport

Copyright AFP 2017-2026. All rights reserved.

A video shared thousands of times on X, Facebook and TikTok claims to show Pakistani fighter jets bombing Kandahar airport this week. This is false: the footage is from a 2021 video game, and there was no air strike on Kandahar on July 26 or on any day since, according to local residents, Afghan officials and satellite imagery reviewed by AFP.

The clip began circulating on Sunday evening, hours after a clash between Pakistani and Afghan border forces near Angoor Adda in South Waziristan in which one Pakistani soldier was killed, according to the Pakistani military.

"Kandahar airport is operating normally. No incident has taken place," a spokesman for the Kandahar governor told AFP.

A reverse image search shows the footage was first uploaded to YouTube in 2021 by a channel that publishes clips from the combat simulation game Arma 3.

AFP has debunked similar false claims about the Pakistan-Afghanistan conflict here and here.
''', [
  E('armed_clash', '2026-07-26', 1, 'Angoor Adda', 'PK', 32.52, 69.28, ['Pakistan', 'Afghanistan'], 1),
])

# c13 — Express Tribune: "claimed to have arrested", "late Sunday", wounded-only grenade attack, a
# foiled plan (no event), small places on Peshawar's outskirts.
weekday('2026-08-04', 'Tuesday')
write('c13-tribune-peshawar-ctd', '''
The Express Tribune
August 4, 2026

CTD arrests five 'terrorists' in Matani

Grenade hurled at Badaber check-post; two cops hurt

PESHAWAR:
The Counter-Terrorism Department (CTD) on Monday claimed to have arrested five terrorists affiliated with the banned Tehreek-e-Taliban Pakistan (TTP) during a raid in the Matani area on the outskirts of the provincial capital.

According to a CTD spokesperson, the suspects were planning attacks on security forces in Peshawar, and explosives, two Kalashnikovs and a laptop were seized from their hideout.

Separately, unidentified men hurled a hand grenade at a police check-post in Badaber late Sunday, injuring two constables. Police said the attackers fled on a motorcycle and a search operation had been launched.

Both injured constables were shifted to Lady Reading Hospital, where their condition was stated to be out of danger.

Published in The Express Tribune, August 4th, 2026.
''', [
  # Matani, Badaber: Peshawar outskirts, approximate (both within ~15 km of the city).
  E('arrest', '2026-08-03', 1, 'Matani', 'PK', 33.87, 71.53, ['Pakistan', 'TTP'], None),
  E('grenade', '2026-08-02', 1, 'Badaber', 'PK', 33.93, 71.56, ['Unidentified armed group', 'Pakistan'], None),
])

# c14 — Ariana News page (HTML chrome): "last night" in a Tuesday report, a generic count of
# violations (no event), a negated incident ("without any clash": no event).
weekday('2026-08-11', 'Tuesday')
write('c14-ariana-dangam-rockets', '''
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Pakistani rockets kill two civilians in Kunar: officials | Ariana News</title>
<meta property="og:title" content="Pakistani rockets kill two civilians in Kunar: officials">
<meta property="article:published_time" content="2026-08-11T10:15:22+04:30">
<meta property="og:site_name" content="Ariana News"></head>
<body>
<header><a href="/">Ariana News</a>
<nav><ul><li><a href="/latest">Latest News</a></li><li><a href="/afghanistan">Afghanistan</a></li><li><a href="/region">Region</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="ticker">Breaking: Afghanistan beat Zimbabwe by 7 wickets in first ODI</div></header>
<main><article>
<h1>Pakistani rockets kill two civilians in Kunar: officials</h1>
<div class="meta">By Ariana News | August 11, 2026</div>
<p>Local officials in Kunar said on Tuesday that rockets fired by the Pakistani military hit residential areas of Dangam district last night, killing two civilians and wounding three others.</p>
<p>Najibullah Hanif, head of information and culture of Kunar, said that the victims were members of one family and that several houses were damaged.</p>
<p>This comes as, according to IEA officials, the Pakistani side has violated the Doha agreement 14 times in the last two months.</p>
<p>Earlier on Saturday, Afghan border forces prevented Pakistani soldiers from building a new checkpost in Nari district, the officials added, and the issue was resolved without any clash.</p>
<p>Pakistan has not yet commented on the matter.</p>
</article>
<aside><h3>Related Stories</h3><ul><li><a href="/a">Three killed in Kabul traffic accident</a></li><li><a href="/b">IEA delegation to attend Tashkent transport forum</a></li></ul></aside></main>
<footer><p>&copy; 2026 Ariana News. All Rights Reserved.</p><a href="/contact">Contact Us</a> <a href="/privacy">Privacy Policy</a></footer>
</body></html>
''', [
  E('shelling', '2026-08-10', 1, 'Dangam', 'AF', 34.97, 71.42, ['Pakistan', 'Civilians'], 2),
], ext='html')

# c15 — BBC explainer page (HTML): a protest "since Monday", a closure "since Tuesday", a round that hurt
# no one (0), chrome with event-like headlines.
weekday('2026-08-19', 'Wednesday')
write('c15-bbc-chaman-protest-explainer', '''
<!DOCTYPE html>
<html lang="en-GB"><head>
<title>Chaman: Why are traders blocking Pakistan's busiest Afghan border crossing? - BBC News</title>
<meta property="og:title" content="Chaman: Why are traders blocking Pakistan's busiest Afghan border crossing?">
<meta name="article:published_time" content="2026-08-19T05:11:43.000Z">
</head><body>
<div id="orb-banner"><a href="https://www.bbc.co.uk">BBC</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a> <a href="/iplayer">iPlayer</a></div>
<nav class="news-nav"><a href="/news">Home</a> <a href="/news/world/asia">Asia</a> <a href="/news/world">World</a> <a href="/news/business">Business</a> <a href="/news/technology">Tech</a></nav>
<main><article>
<h1>Chaman: Why are traders blocking Pakistan's busiest Afghan border crossing?</h1>
<time datetime="2026-08-19">19 August 2026</time>
<p><b>Since Monday, hundreds of traders and daily-wage labourers have blocked the road to the Friendship Gate at Chaman, in Pakistan's south-western Balochistan province, in protest against a rule requiring a passport and visa to cross.</b></p>
<p>The authorities closed the crossing to all traffic on Tuesday, citing security. Several thousand people used to cross each day with only a national identity card.</p>
<h2>Why does the rule matter?</h2>
<p>For families who live on both sides of the border, a passport costs weeks of wages. "My shop is in Chaman, my house is in Spin Boldak. Now I need a visa to go home," one labourer told the BBC.</p>
<h2>Is the area safe?</h2>
<p>Tensions have risen. On Sunday, a mortar round that local officials said was fired by Afghan border forces landed in a field near Qila Abdullah, injuring no one. Afghan officials said they were investigating.</p>
<h2>What happens next?</h2>
<p>Officials say talks with the protesters' leaders will resume this week, but the protesters say they will not move until the rule is withdrawn.</p>
</article>
<section class="related"><h2>More on this story</h2><a href="/x">Five killed as bus plunges into ravine in Gilgit</a><a href="/y">Pakistan court sentences former PM</a></section></main>
<footer>Copyright 2026 BBC. All rights reserved. The BBC is not responsible for the content of external sites. <a href="/editorialguidelines">Read about our approach to external linking.</a></footer>
</body></html>
''', [
  E('protest', '2026-08-17', 1, *CHAMAN, ['Traders', 'Labourers'], None),
  E('border_closure', '2026-08-18', 1, *CHAMAN, ['Pakistan'], None),
  # Qila Abdullah town, approximate.
  E('shelling', '2026-08-16', 1, 'Qila Abdullah', 'PK', 30.72, 66.66, ['Afghanistan'], 0),
], ext='html')

# c16 — IOM/UNHCR flash update as PDF text: running headers and footers, a hyphenated line break, a
# week span (first day), figures per crossing and per city, a conditional forecast (no event).
weekday('2026-08-28', 'Friday')
write('c16-iom-unhcr-returns-pdf', '''
IOM UN MIGRATION                                                    UNHCR The UN Refugee Agency

PAKISTAN - AFGHANISTAN RETURNS EMERGENCY RESPONSE
Flash Update #12 | 27 August 2026

KEY FIGURES (20 - 26 AUGUST 2026)
18,400          Afghans returned from Pakistan
61%             deported
2,950           Afghans arrested and detained in Pakistan

OVERVIEW
Between 20 and 26 August, 18,400 Afghans returned from Pakistan through the Torkham (11,200) and Spin Boldak (7,200) border crossings, of whom 61 per cent were deported. Returnees report arrests, evictions and the confis-
cation of documents as the main reasons for leaving.

Arrests and detentions: during the same period, 2,950 Afghan nationals were arrested in Pakistan, most of them in Karachi (1,400) and Islamabad (900). Most were released after verification of their documents; the rest were transferred to holding centres.

                                                                                        Page 1 of 3
________________________________________________________________________________________
IOM-UNHCR Flash Update #12 | Pakistan-Afghanistan Returns | 27 August 2026

OUTLOOK
If the validity of Proof of Registration cards is not extended beyond 30 September, returns could rise sharply in October, with partners planning for up to 100,000 arrivals.

RESPONSE
At the Torkham and Spin Boldak zero points, partners provided cash assistance, hot meals and health screening to 14,700 returnees. Transport to final destinations was provided to 3,100 vulnerable returnees.

For more information: IOM Afghanistan, iomkabul@iom.int | UNHCR Pakistan, pakis@unhcr.org
                                                                                        Page 2 of 3
''', [
  E('refugee_movement', '2026-08-20', 2, *TORKHAM, ['Returnees'], None),
  E('refugee_movement', '2026-08-20', 2, *SPIN_BOLDAK, ['Returnees'], None),
  E('arrest', '2026-08-20', 2, 'Karachi', 'PK', 24.86, 67.01, ['Pakistan', 'Afghan nationals'], None),
  E('arrest', '2026-08-20', 2, 'Islamabad', 'PK', 33.72, 73.06, ['Pakistan', 'Afghan nationals'], None),
])

# c17 — Dawn page (HTML) with a "Most popular" box full of event-like headlines: an attack dated "nine
# days" before a Wednesday, a road (not a border) reopening (no event), a crossing still shut (null).
weekday('2026-09-03', 'Thursday')
weekday('2026-08-24', 'Monday')
write('c17-dawn-kurram-road-reopens', '''
<!doctype html>
<html><head><title>Thall-Parachinar road reopened after nine days - Pakistan - DAWN.COM</title>
<meta property="og:title" content="Thall-Parachinar road reopened after nine days">
<meta property="article:published_time" content="2026-09-03T06:40:00+05:00">
<meta property="og:site_name" content="DAWN.COM"></head>
<body>
<nav><a href="/">Home</a> <a href="/latest-news">Latest</a> <a href="/pakistan">Pakistan</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/sport">Sport</a> <a href="/opinion">Opinion</a> <a href="/epaper">E-Paper</a></nav>
<article>
<h2 class="story__title">Thall-Parachinar road reopened after nine days</h2>
<span class="story__byline">Our Correspondent</span> <span class="timestamp">Published September 3, 2026</span>
<p>KURRAM: The main Thall-Parachinar road was reopened for traffic on Wednesday, nine days after an attack on a passenger convoy near Mandori in Lower Kurram killed six passengers, officials said.</p>
<p>The first convoy of 120 vehicles left Thall under police escort on Wednesday morning. Traders in Parachinar said shortages of medicines and fuel had eased slightly.</p>
<p>Meanwhile, the Kharlachi border crossing with Afghanistan remained closed for a third week, and local elders demanded that it be reopened for trade.</p>
</article>
<aside class="most-popular"><h3>Most Popular</h3><ol><li><a href="/1">Two killed as car falls into Karakoram ravine</a></li><li><a href="/2">Gunmen kill shopkeeper in Karachi's Orangi Town</a></li><li><a href="/3">KSE-100 crosses 160,000 points</a></li></ol></aside>
<footer>Copyright &copy; 2026, DAWN - Newspaper. All rights reserved.</footer>
</body></html>
''', [
  # Mandori, Lower Kurram: Sadda (Lower Kurram's main town) used, approximate.
  E('attack_on_civilians', '2026-08-24', 1, 'Mandori', 'PK', 33.70, 70.33, ['Passengers'], 6),
  # Kharlachi: Parachinar's coordinates, as in c01.
  E('border_closure', None, None, 'Kharlachi', 'PK', 33.90, 70.10, [], None),
], ext='html')

# c18 — Türkiye's foreign ministry (HTML): a two-day round (first day), an agreement on its last day,
# a next round with a place and no date.
weekday('2026-09-14', 'Monday')
write('c18-turkiye-mfa-fourth-round', '''
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>No: 187, 14 September 2026, Press Release Regarding the Fourth Round of Talks Between Afghanistan and Pakistan</title>
</head><body>
<div class="top-menu"><a href="/">REPUBLIC OF TÜRKİYE MINISTRY OF FOREIGN AFFAIRS</a> | <a href="/tr">Türkçe</a> | <a href="/fr">Français</a></div>
<nav><a href="/minister">Minister</a> <a href="/policies">Foreign Policy</a> <a href="/consular">Consular Info</a> <a href="/press">Press Releases</a></nav>
<div id="content">
<h1>No: 187, 14 September 2026, Press Release Regarding the Fourth Round of Talks Between Afghanistan and Pakistan</h1>
<p>The fourth round of talks between the delegations of Afghanistan and Pakistan, hosted by Türkiye with the mediation of Türkiye and Qatar, was held in İstanbul on 12-13 September 2026.</p>
<p>At the conclusion of the talks on 13 September, the parties agreed to extend the ceasefire until 31 December 2026 and endorsed the terms of reference of the joint monitoring and verification mechanism.</p>
<p>The parties also agreed that the next round of talks will be held in Islamabad in the coming weeks.</p>
<p>Türkiye will continue to contribute to the efforts for lasting peace and stability between the two brotherly countries.</p>
</div>
<footer>&copy; 2026 T.C. Dışişleri Bakanlığı | <a href="/sitemap">Site Map</a> | <a href="/contact">Contact</a></footer>
</body></html>
''', [
  E('talks', '2026-09-12', 1, *ISTANBUL, ['Afghanistan', 'Pakistan', 'Türkiye', 'Qatar'], None),
  E('ceasefire_agreement', '2026-09-13', 1, *ISTANBUL, ['Afghanistan', 'Pakistan'], None),
  E('talks', None, 3, 'Islamabad', 'PK', 33.72, 73.06, ['Afghanistan', 'Pakistan'], None),
], ext='html')

# c19 — The News local brief from Quetta: number words, Levies (state forces) and civilians among the
# dead, trucks torched with no one hurt (0), a tehsil-level place stood in for by its district.
weekday('2026-09-22', 'Tuesday')
write('c19-thenews-quetta-sariab-blast', '''
The News
Tuesday, September 22, 2026

Four killed in Quetta blast

QUETTA: At least four people, including two Levies personnel, were killed and eleven others injured when an improvised explosive device fitted to a motorcycle exploded near a Levies check-post on Sariab Road on Monday evening.

Police said the bomb was detonated by remote control as a Levies vehicle passed by. The injured were shifted to the Civil Hospital, where an emergency was declared. No one claimed responsibility for the attack till the filing of this report.

In another incident, unknown armed men set on fire two trucks carrying goods for Afghan transit trade on the national highway near Kardigap in Mastung district on Sunday night. The drivers escaped unhurt, police said.
''', [
  E('ied', '2026-09-21', 1, 'Quetta', 'PK', 30.18, 67.00, ['Pakistan', 'Civilians'], 4),
  # Kardigap (Mastung district): Mastung town used, approximate.
  E('property_destruction', '2026-09-20', 1, 'Kardigap', 'PK', 29.80, 66.85, ['Unidentified armed group', 'Drivers'], 0),
])

# c20 — Afghanistan International, translated from Persian: a weekend span, conflicting claims where one
# side says nobody died (lowest = 0), drones that did not strike (no event), a threat (no event).
weekday('2026-09-29', 'Tuesday')
weekday('2026-09-26', 'Saturday')
write('c20-afintl-khost-detentions', '''
Afghanistan International
29/09/2026

Sources: Taliban Detain 14 Former Soldiers in Khost

Informed sources told Afghanistan International that the Taliban intelligence detained 14 former soldiers of the previous government in Khost province on Saturday and Sunday. According to the sources, the detainees were taken to an unknown location and their families have not been allowed to meet them.

The Taliban have not commented on the report.

Meanwhile, the National Resistance Front said in a statement that its fighters clashed with Taliban forces in the Dara district of Panjshir on Sunday and that three Taliban fighters were killed. A Taliban official in Panjshir rejected the claim and said nobody was killed and the NRF fighters fled.

In another development, a Taliban official in Paktika told Afghanistan International that Pakistani drones had been flying over Barmal district for three nights but had not carried out any strike. He warned that if Pakistan attacked, the Islamic Emirate would respond.
''', [
  E('arrest', '2026-09-26', 1, 'Khost', 'AF', 33.34, 69.92, ['Afghanistan', 'Former soldiers'], None),
  # Dara district, Panjshir: not sure of the district centre; Bazarak, the provincial centre, used.
  E('armed_clash', '2026-09-27', 1, 'Dara', 'AF', 35.31, 69.52, ['NRF', 'Afghanistan'], 0),
])

# c21 — Business Recorder trade story: figures and crossings, no event at all.
weekday('2026-10-06', 'Tuesday')
write('c21-brecorder-transit-trade-no-event', '''
Business Recorder
October 6, 2026

Afghan transit trade volumes up 12pc in September

KARACHI: Afghan transit trade through Pakistani ports rose 12 percent in September compared with August, according to data compiled by the Pakistan-Afghanistan Joint Chamber of Commerce and Industry (PAJCCI).

A total of 6,840 transit containers were cleared at Karachi Port and Port Qasim during the month, against 6,105 in August. Exports to Afghanistan through Torkham and Chaman rose 8 percent to $118 million.

PAJCCI officials attributed the increase to smoother clearance at the border, a reduction in scanning times and the resumption of night-time movement of trucks. Customs officials said average clearance time at Torkham had fallen to six hours from 14.

"If the current trend continues, bilateral trade could reach $2 billion this fiscal year," a PAJCCI official said.

Copyright Business Recorder, 2026
''', [])

# c22 — the monitoring mechanism's daily public report on a quiet day: no event (visits are not events,
# "no violations" is a negation).
weekday('2026-10-12', 'Monday')
write('c22-jmm-daily-report-quiet', '''
JOINT MONITORING AND VERIFICATION MECHANISM
Daily Public Report No. 28/2026 | Monday, 12 October 2026
Based on information received as of 19:00 on 11 October 2026

Summary
The Mechanism recorded no ceasefire violations along the border in the previous 24 hours. No allegations were filed by either party.

Monitoring activities
Monitoring teams visited the Torkham and Ghulam Khan crossings and the Angoor Adda area. At both crossings, movement of people and goods was observed to be normal. At Angoor Adda, the team spoke with local elders, who reported no incidents.

Crossings
Torkham: open. Ghulam Khan: open. Chaman: open. Kharlachi: open.

The Mechanism reminds the parties of their commitment under the terms of the ceasefire to inform it without delay of any incident.

This report is for the media and the general public.
''', [])

# c23 — AP wire: "(AP) —" dateline, "on Thursday" on the day of publication, a suicide car bomb with a
# named faction, wounded not counted, an earlier attack "last month" (vague date).
weekday('2026-10-15', 'Thursday')
write('c23-ap-bannu-convoy-bombing', '''
Updated 4:18 PM GMT+5, October 15, 2026

Suicide car bomber kills 7 soldiers in northwest Pakistan

By RIAZ KHAN and MUNIR AHMED
Associated Press

PESHAWAR, Pakistan (AP) — A suicide car bomber rammed into a military convoy in northwestern Pakistan on Thursday, killing seven soldiers and wounding 14 others, security officials said.

The attack happened in the Bakakhel area of Bannu district in Khyber Pakhtunkhwa province, which borders Afghanistan, two officials said on condition of anonymity because they were not authorized to talk to the media.

A faction of the Pakistani Taliban led by Hafiz Gul Bahadur claimed responsibility in a statement to reporters.

Pakistan has often accused Afghanistan's Taliban rulers of harboring militants, a charge Kabul denies. Last month, a suicide bomber struck a police station in the same district, killing three officers.

Associated Press writer Riaz Khan reported from Peshawar, and Munir Ahmed from Islamabad.
''', [
  # Bakakhel (Bannu district): Bannu town used (~10 km). The bomber's own death is not stated: 7.
  E('suicide_bomb', '2026-10-15', 1, 'Bakakhel', 'PK', 32.99, 70.60, ['Hafiz Gul Bahadur group', 'Pakistan'], 7),
  # 'Last month': no day, time_precision 3.
  E('suicide_bomb', None, 3, 'Bannu', 'PK', 32.99, 70.60, ['Pakistan'], 3),
])

# c24 — APP (state news agency) report of a minister's remarks: "a day after" an attack, a threat, a
# meeting of Pakistan's own security committee (not talks between the parties), a past strike denied.
weekday('2026-10-21', 'Wednesday')
weekday('2026-10-19', 'Monday')
write('c24-app-defence-minister-warning', '''
APP
ISLAMABAD, Oct 21 (APP):

Pakistan will not hesitate to target terrorist hideouts: Khawaja Asif

Defence Minister Khawaja Muhammad Asif on Tuesday said Pakistan would not hesitate to target terrorist hideouts wherever they were if attacks from across the border continued.

Talking to media persons after the National Assembly session, the minister said this a day after khwarij attacked a Frontier Corps check-post near Sadda in Lower Kurram, martyring three FC soldiers. Five attackers were also killed in the retaliatory fire, according to security officials.

The minister said the National Security Committee would meet on Friday to review the situation and decide the future course of action.

Responding to a question, he said Pakistan had not carried out any strike inside Afghanistan since the ceasefire and termed the Afghan claims about drone strikes in Paktika "baseless propaganda".
''', [
  E('armed_clash', '2026-10-19', 1, 'Sadda', 'PK', 33.70, 70.33, ['TTP', 'Pakistan'], 8),
])

print(sum(1 for n in os.listdir(OUT) if n.endswith('.expected.json')), 'articles written to', OUT)
