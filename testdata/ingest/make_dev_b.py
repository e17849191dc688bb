# Writes part B of the development set (see README.md): more styles, spellings, HTML pages.
import json, os
from make_dev_a import E, write

write('21-hypothetical-warning', '''
Published: 27 October 2025

Pakistan warns of strikes on militant hideouts if attacks continue

ISLAMABAD: Defence Minister Khawaja Asif warned on Sunday that Pakistan would strike militant hideouts inside Afghanistan if cross-border attacks continued, saying the country could not wait indefinitely.

He said that an open war could break out if the Istanbul talks failed. Afghan officials said any attack on Afghan soil would be met with a response.
''', [])

write('22-paktika-drone-strike', '''
Published: 18 October 2025

Taliban say Pakistani drone strikes kill civilians in Paktika

KABUL — Pakistani drones struck several houses in the Barmal and Urgun districts of Paktika province on Friday night, killing ten civilians including local cricketers, the Taliban administration said on Saturday.

Pakistan did not comment. The Afghanistan Cricket Board said three club cricketers were among the dead and withdrew from a tri-nation series.
''', [
  E('airstrike', '2025-10-17', 1, 'Barmal', 'AF', 32.71, 69.30, ['Pakistan', 'Civilians'], 10),
])

write('23-khyber-grenade', '''
LANDI KOTAL, Aug 3: Two policemen were injured when unknown attackers hurled a hand grenade at a police checkpost in Landi Kotal tehsil of Khyber district on Sunday evening, police said.

The attackers escaped under cover of darkness. Police cordoned off the area.

Published: 4 August 2025
''', [
  E('grenade', '2025-08-03', 1, 'Landi Kotal', 'PK', 34.099, 71.141, ['Unidentified armed group', 'Pakistan']),
])

write('24-monitors-access-denied', '''
Monitoring mission statement
Issued 2 December 2025

A joint monitoring team was denied access to the site of an alleged cross-border firing incident near Angoor Adda on Monday, the mission said in a statement.

Local commanders told the team that the road was unsafe. The mission called on both parties to grant unimpeded access in line with the Doha arrangement.
''', [
  E('access_denied', '2025-12-01', 1, 'Angoor Adda', 'PK', 32.5156, 69.2825, []),
])

write('25-chaman-traders-protest', '''
Published: 22 October 2025

CHAMAN: Hundreds of traders and labourers protested in Chaman on Tuesday against the continued closure of the border, blocking the main highway to Quetta for several hours.

Protesters chanted slogans against the government and demanded the reopening of the Bab-e-Dosti gate. The crossing has been shut since October 12.
''', [
  E('protest', '2025-10-21', 1, 'Chaman', 'PK', 30.918, 66.453, ['Traders', 'Labourers']),
  E('border_closure', '2025-10-12', 1, 'Chaman', 'PK', 30.918, 66.453, []),
])

write('26-html-mohmand-clash', '''<!doctype html>
<html><head><title>Security forces repulse attack in Mohmand - The Frontier Post</title>
<meta property="og:title" content="Security forces repulse attack on border post in Mohmand">
<meta property="article:published_time" content="2025-10-05T09:30:00+05:00">
<meta property="og:site_name" content="The Frontier Post"></head>
<body>
<nav><a href="/">Home</a> <a href="/pakistan">Pakistan</a> <a href="/world">World</a> <a href="/sports">Sports</a></nav>
<div class="ad">Advertisement</div>
<article>
<h1>Security forces repulse attack on border post in Mohmand</h1>
<p>MOHMAND: Security forces repulsed an attack by a large group of militants on a border post in Mohmand district on Saturday, killing seven of the attackers, officials said.</p>
<p>The militants, who had crossed over from Afghanistan, attacked the post in the Baizai area with heavy weapons before dawn. One soldier was martyred in the exchange of fire.</p>
<p>Officials said the area had been cleared by the afternoon and a search operation was continuing.</p>
</article>
<aside class="related"><h3>Related</h3><a href="/x">PSL draft: full list of picks</a><a href="/y">Rupee gains against dollar</a></aside>
<footer>Copyright 2025 The Frontier Post. All rights reserved.</footer>
</body></html>''', [
  E('armed_clash', '2025-10-04', 1, 'Mohmand', 'PK', 34.50, 71.35, ['Pakistan', 'Militants'], 8),
], ext='html')

write('27-html-kunar-shelling', '''<!doctype html>
<html><head><title>Pakistani rockets hit Dangam district of Kunar</title>
<meta name="description" content="Local officials in Kunar say rockets fired from across the Durand Line hit residential areas.">
<meta property="article:published_time" content="2025-09-02T14:00:00+04:30"></head>
<body><header><a href="/">Home</a> | <a href="/afghanistan">Afghanistan</a> | <a href="/live">Live TV</a></header>
<main><article>
<h1>Pakistani rockets hit Dangam district of Kunar</h1>
<p>Rockets fired by Pakistani forces landed in several villages of Dangam district in Konar province on Monday, killing a child and wounding three other people, local officials said.</p>
<p>The provincial spokesman said about 40 families had been displaced by the shelling, which lasted for more than three hours.</p>
<p>Pakistan has not commented on the report.</p>
</article></main>
<div class="share">Share this article</div>
</body></html>''', [
  E('shelling', '2025-09-01', 1, 'Dangam', 'AF', 34.97, 71.42, ['Pakistan', 'Civilians'], 1),
  E('displacement', '2025-09-01', 1, 'Dangam', 'AF', 34.97, 71.42, ['Families']),
], ext='html')

write('28-html-turkiye-statement', '''<!doctype html>
<html><head><title>Press Release Regarding the Talks Between Pakistan and Afghanistan</title>
<meta property="article:published_time" content="2025-10-31"></head>
<body><div id="menu">Ministry | Policy | Press Releases | Contact</div>
<div id="content">
<h2>No: 214, 31 October 2025, Press Release Regarding the Talks Between Pakistan and Afghanistan</h2>
<p>The talks between the delegations of Pakistan and Afghanistan, held in Istanbul from 25 to 30 October 2025 with the mediation of Türkiye and Qatar, have concluded.</p>
<p>The parties agreed to continue the ceasefire and to establish a monitoring and verification mechanism that will ensure peace and impose penalties on the violating party. The principals will meet again in Istanbul on 6 November 2025 to discuss the modalities of implementation.</p>
<p>As mediators, Türkiye and Qatar express their appreciation for the active contribution of both parties.</p>
</div></body></html>''', [
  E('talks', '2025-10-30', 1, 'Istanbul', 'TR', 41.014, 28.950, ['Pakistan', 'Afghanistan', 'Türkiye', 'Qatar']),
  E('ceasefire_agreement', '2025-10-30', 1, 'Istanbul', 'TR', 41.014, 28.950, ['Pakistan', 'Afghanistan']),
  E('talks', '2025-11-06', 1, 'Istanbul', 'TR', 41.014, 28.950, ['Pakistan', 'Afghanistan']),
], ext='html')

write('29-quetta-suicide-bombing', '''
Published: 1 October 2025

At least ten people killed in suicide attack on FC headquarters in Quetta

QUETTA: A suicide bomber rammed an explosives-laden car into the gate of the Frontier Corps headquarters in Quetta on Tuesday, killing at least ten people, including two FC personnel, and injuring thirty-two others, officials said.

Four attackers who tried to enter the compound after the blast were killed by security forces, the ISPR said. No group immediately claimed responsibility.
''', [
  E('suicide_bomb', '2025-09-30', 1, 'Quetta', 'PK', 30.184, 67.001, ['Pakistan', 'Militants'], 14),
])

write('30-dikhan-targeted-killing', '''
Published: 15 June 2025

DERA ISMAIL KHAN: Gunmen on a motorcycle shot dead two policemen guarding a polio vaccination team in the city's Kotla Saidan area on Saturday, police said.

The polio workers were unhurt. The vaccination campaign in the area was suspended for the day.
''', [
  E('armed_clash', '2025-06-14', 1, 'Dera Ismail Khan', 'PK', 31.83, 70.90, ['Unidentified armed group', 'Pakistan'], 2),
])

write('31-roundup-three-events', '''
Daily security roundup — Khyber Pakhtunkhwa
Published: 11 November 2025

Lakki Marwat: Militants blew up a police checkpost with explosives on Monday night; no casualties were reported.

Tank: Two soldiers were martyred when their vehicle hit a roadside bomb on Monday, the ISPR said.

Hangu: Police arrested three suspects wanted in the killing of a tribal elder, officials said on Tuesday.
''', [
  E('property_destruction', '2025-11-10', 1, 'Lakki Marwat', 'PK', 32.61, 70.91, ['Militants', 'Pakistan'], 0),
  E('ied', '2025-11-10', 1, 'Tank', 'PK', 32.22, 70.38, ['Pakistan'], 2),
  E('arrest', '2025-11-11', 2, 'Hangu', 'PK', 33.53, 71.06, ['Pakistan']),
])

write('32-relative-thursday-night', '''
Saturday, 25 October 2025

Afghan forces and Pakistani troops traded fire near the Kharlachi crossing on Thursday night, the first reported violation since the ceasefire, local officials in Kurram said.

No casualties were reported. Pakistani officials said the firing stopped after an hour.
''', [
  E('armed_clash', '2025-10-23', 1, 'Kharlachi', 'PK', 33.87, 69.95, ['Afghanistan', 'Pakistan'], 0),
])

write('33-feb-article-october-reference', '''
Published: 12 February 2026

Four months on, Torkham traders count their losses

Traders at Torkham say they have not recovered from the closure of the crossing on October 12, which lasted nearly a month and left thousands of trucks stranded.

Trade volumes are still below half of their level before the fighting, customs data show.
''', [
  E('border_closure', '2025-10-12', 1, 'Torkham', 'PK', 34.1147, 71.0847, []),
  E('trade_disruption', None, None, 'Torkham', 'PK', 34.1147, 71.0847, ['Traders']),
])

write('34-future-reopening', '''
Published: 7 November 2025

The Chaman crossing will reopen for pedestrians on Monday, the Balochistan government said on Friday, after weeks of closure that have stranded thousands of people on both sides.

Officials said trade would resume at a later date once talks in Istanbul are concluded.
''', [
  E('border_reopening', '2025-11-10', 1, 'Chaman', 'PK', 30.918, 66.453, ['Pakistan']),
  E('border_closure', None, 3, 'Chaman', 'PK', 30.918, 66.453, []),
])

write('35-spelling-variants', '''
Published: 20 October 2025

Torkhum gate stays shut as refugees wait in Khowst and Spin Boldaq

Hundreds of returnees deported from Pakistan were waiting in makeshift camps in Khowst on Sunday, Afghan officials said, as the Torkhum gate remained closed for an eighth day.

In Spin Boldaq, more than 3,000 refugees crossed on Sunday through the only gate still open for deportees, the officials said.
''', [
  E('refugee_movement', '2025-10-19', 1, 'Khost', 'AF', 33.34, 69.92, ['Returnees']),
  E('border_closure', None, None, 'Torkham', 'PK', 34.1147, 71.0847, []),
  E('refugee_movement', '2025-10-19', 1, 'Spin Boldak', 'AF', 31.006, 66.400, ['Refugees']),
])

write('36-editorial-kabul-strike', '''
Editorial
November 2, 2025

The strikes on Kabul on October 9 were a turning point. Until then, Islamabad had kept its campaign against the TTP inside its own borders.

The ceasefire brokered in Doha ten days later has brought calm, but the Istanbul talks show how far apart the two sides remain. Without a verification mechanism, the next attack will reopen every wound.
''', [
  E('airstrike', '2025-10-09', 1, 'Kabul', 'AF', 34.528, 69.172, ['Pakistan']),
  E('ceasefire_agreement', '2025-10-19', 1, 'Doha', 'QA', 25.285, 51.531, []),
])

write('37-gwadar-bla-attack', '''
GWADAR: Baloch Liberation Army militants stormed the Gwadar Port Authority complex on Wednesday afternoon, triggering a gunfight with security forces that lasted several hours, officials said.

All eight attackers were killed, the military said. Two soldiers also lost their lives.

Dated: 21 March 2024
''', [
  E('armed_clash', '2024-03-20', 1, 'Gwadar', 'PK', 25.12, 62.32, ['BLA', 'Pakistan'], 10),
])

write('38-angoor-adda-exchange', '''
Published: 29 July 2025

WANA: Afghan border forces opened fire on Pakistani posts near Angoor Adda on Monday afternoon, prompting retaliation by Pakistani troops, officials in South Waziristan said.

An exchange of fire continued for two hours. Three Pakistani soldiers were wounded, officials said, while the number of casualties on the Afghan side was not known.
''', [
  E('armed_clash', '2025-07-28', 1, 'Angoor Adda', 'PK', 32.5156, 69.2825, ['Afghanistan', 'Pakistan']),
])

write('39-shelling-no-casualties', '''
Published: 9 September 2025

Mortar shells fired from Afghanistan landed in open fields near Arandu in Chitral on Monday, causing no casualties, police said.

Residents said the shelling caused panic, but no damage was reported. The border crossing at Arandu remained open.
''', [
  E('shelling', '2025-09-08', 1, 'Arandu', 'PK', 35.38, 71.57, [], 0),
])

write('40-wana-convoy-ambush', '''
Published: 26 June 2025

TTP claims ambush on army convoy in South Waziristan

WANA: Militants ambushed a military convoy near Wana in South Waziristan on Wednesday, the banned Tehreek-e-Taliban Pakistan said in a statement, claiming to have killed 16 soldiers.

The ISPR said 13 soldiers were martyred and that the attack had been carried out by khwarij operating from Afghanistan.
''', [
  E('armed_clash', '2025-06-25', 1, 'Wana', 'PK', 32.30, 69.57, ['TTP', 'Pakistan'], 13),
])

write('41-chaman-ceasefire-violation-claims', '''
Published: 6 November 2025

Both sides trade blame over firing at Chaman

CHAMAN: Pakistani and Afghan forces exchanged fire at the Chaman-Spin Boldak crossing on Thursday, hours before a new round of talks, officials said.

Afghanistan's Ministry of Defence said Pakistani forces opened fire first, killing four civilians in Spin Boldak. Pakistan's information ministry said Afghan forces had fired at Pakistani posts without provocation and that Pakistani troops responded responsibly.
''', [
  E('armed_clash', '2025-11-06', 1, 'Chaman', 'PK', 30.918, 66.453, ['Pakistan', 'Afghanistan'], 4),
])

write('42-jalalabad-refugee-camp', '''
Published: 30 October 2025

Over 80,000 Afghan refugees returned from Pakistan and Iran in the past week, the UN migration agency IOM said on Thursday, warning that aid was running short in reception centres near Jalalabad and Herat.

The agency said most returnees had crossed through Torkham and Islam Qala.
''', [
  E('refugee_movement', '2025-10-23', 2, 'Jalalabad', 'AF', 34.426, 70.451, ['Afghan refugees']),
])
