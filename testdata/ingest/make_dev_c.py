# Writes part C of the development set (see README.md): styles the first 42 articles lacked (weekly
# overviews, live blogs, explainers with many dated background events, translated Afghan and Urdu
# press, ministry releases, rumours and non-confirmations). Written to study generalisation errors.
import datetime
from make_dev_a import E, write

def weekday(ymd, name):
    assert datetime.date.fromisoformat(ymd).strftime('%A') == name, (ymd, name)

weekday('2025-12-08', 'Monday')
write('43-weekly-overview', '''
Regional Overview: South Asia
Week of 29 November - 5 December 2025
Published: 8 December 2025

In Pakistan, militant violence continued in Khyber Pakhtunkhwa. On 1 December, TTP militants attacked a police post in Lakki Marwat, killing two policemen. On 3 December, security forces killed six militants in an operation in Datta Khel, North Waziristan.

In Balochistan, BLA fighters blew up a gas pipeline near Sui on 2 December. There were no casualties.

In Afghanistan, Taliban authorities detained at least 40 returnees from Pakistan at a checkpoint in Spin Boldak on 4 December.
''', [
  E('armed_clash', '2025-12-01', 1, 'Lakki Marwat', 'PK', 32.61, 70.91, ['TTP', 'Pakistan'], 2),
  E('armed_clash', '2025-12-03', 1, 'Datta Khel', 'PK', 32.98, 69.93, ['Pakistan', 'Militants'], 6),
  E('property_destruction', '2025-12-02', 1, 'Sui', 'PK', 28.64, 69.32, ['BLA'], 0),
  E('arrest', '2025-12-04', 1, 'Spin Boldak', 'AF', 31.006, 66.40, ['Afghanistan', 'Returnees'], None),
])

weekday('2025-12-15', 'Monday')
write('44-explainer-dated-background', '''
Published: 15 December 2025

Explainer: How the Pakistan-Afghanistan ceasefire came under strain

The crisis began on 9 October, when explosions hit Kabul and the Taliban accused Pakistan of air strikes. Two days later, Afghan forces attacked Pakistani border posts along the Durand Line.

Qatar and Turkey brokered a ceasefire in Doha on 19 October. Talks in Istanbul in late October and early November failed to agree on a monitoring mechanism.

On Sunday, the ceasefire suffered its most serious test yet when Pakistani and Afghan forces exchanged artillery fire near Chaman for three hours. Pakistani officials said two civilians were killed on their side.
''', [
  E('airstrike', '2025-10-09', 1, 'Kabul', 'AF', 34.528, 69.172, ['Pakistan'], None),
  E('armed_clash', '2025-10-11', 1, 'Durand Line', None, 32.0, 69.3, ['Afghanistan', 'Pakistan'], None),
  E('ceasefire_agreement', '2025-10-19', 1, 'Doha', 'QA', 25.285, 51.531, ['Qatar', 'Türkiye'], None),
  E('talks', None, 3, 'Istanbul', 'TR', 41.014, 28.95, [], None),
  E('shelling', '2025-12-14', 1, 'Chaman', 'PK', 30.918, 66.453, ['Pakistan', 'Afghanistan'], 2),
])

weekday('2026-01-12', 'Monday')
write('45-urdu-translation-kech-fc', '''
Daily Jang (English translation)
Dated: 12-01-2026

Two FC personnel embrace martyrdom in Kech firing

TURBAT: Two personnel of Frontier Corps embraced martyrdom when unknown armed men opened fire on their vehicle in the Tump area of district Kech on Sunday evening. The attackers managed to escape from the scene.

The bodies of the martyrs were shifted to Teaching Hospital Turbat. Security forces cordoned off the area and started a search operation.
''', [
  E('armed_clash', '2026-01-11', 1, 'Tump', 'PK', 26.12, 62.37, ['Unidentified armed group', 'Pakistan'], 2),
])

weekday('2026-01-19', 'Monday')
write('46-hasht-e-subh-dand-patan', '''
Hasht-e Subh Daily
19 January 2026

Taliban and Pakistani forces clash in Paktia's Dand-e-Patan

Fighting broke out between Taliban border forces and the Pakistani military in the Dand-e-Patan district of Paktia province on Sunday, local sources told Hasht-e Subh.

According to the sources, the clash began when Pakistani forces tried to install a new security post. Taliban forces fired on the Pakistani military's posts with heavy weapons, and Pakistani forces responded with mortars.

A Taliban commander, speaking on condition of anonymity, said three Taliban fighters were killed. Pakistani officials have not commented.
''', [
  E('armed_clash', '2026-01-18', 1, 'Dand-e-Patan', 'AF', 33.75, 69.98, ['Afghanistan', 'Pakistan'], 3),
])

weekday('2026-02-02', 'Monday')
write('47-live-blog-torkham', '''
Live: Tension at Torkham
Published: 2 February 2026

09:10 PKT - Officials at Torkham say the crossing has been closed since early morning after an argument between border guards over a new gate.

11:45 PKT - Traders say more than 800 trucks are stranded on the Pakistani side.

14:30 PKT - Reports of gunfire near the crossing. A customs official says border guards of both countries fired into the air; no one was hurt.

18:05 PKT - The crossing has reopened for pedestrians, officials say. Trade remains suspended.
''', [
  E('border_closure', '2026-02-02', 1, 'Torkham', 'PK', 34.1147, 71.0847, [], None),
  E('trade_disruption', '2026-02-02', 1, 'Torkham', 'PK', 34.1147, 71.0847, ['Traders'], None),
  E('border_reopening', '2026-02-02', 1, 'Torkham', 'PK', 34.1147, 71.0847, [], None),
])

weekday('2026-02-09', 'Monday')
write('48-interior-ministry-release', '''
Ministry of Interior, Government of Pakistan
Press Release
Islamabad, 9 February 2026

The Federal Government has decided to launch the third phase of the Illegal Foreigners Repatriation Plan from 1 March 2026. All illegal foreigners are directed to leave the country voluntarily before the deadline.

During the last week, law enforcement agencies apprehended 1,240 illegal foreigners in Karachi and 860 in Quetta, who have been shifted to holding centres for repatriation.

So far, more than 900,000 Afghan nationals have returned to Afghanistan since the start of the plan in November 2023.
''', [
  E('arrest', '2026-02-09', 2, 'Karachi', 'PK', 24.86, 67.01, ['Pakistan', 'Afghan nationals'], None),
  E('arrest', '2026-02-09', 2, 'Quetta', 'PK', 30.18, 67.0, ['Pakistan', 'Afghan nationals'], None),
  E('refugee_movement', None, 3, None, None, None, None, ['Afghan nationals'], None),
])

weekday('2026-02-23', 'Monday')
write('49-rumours-unconfirmed', '''
Published: 23 February 2026

Officials dismiss reports of Kurram clash

PARACHINAR: Reports circulating on social media of heavy fighting between Pakistani and Afghan forces in Kurram on Sunday were false, the district administration said, adding that the border was calm.

Residents of border villages also said they had heard no firing. A video shared widely as proof of the clash was found to date from 2023.

Separately, police said a landmine exploded near Sadda on Sunday, injuring a shepherd.
''', [
  E('ied', '2026-02-22', 1, 'Sadda', 'PK', 33.7, 70.32, ['Civilians'], None),
])

weekday('2026-03-16', 'Monday')
write('50-wire-multiple-days', '''
Published: 16 March 2026

Pakistan, Afghanistan trade blame after weekend of clashes

ISLAMABAD (Reuters) - Pakistan and Afghanistan blamed each other on Monday for two days of cross-border clashes that killed at least nine people.

The fighting began on Saturday near the Angoor Adda crossing, where Pakistani officials said Afghan forces fired on a border post, killing two soldiers. On Sunday, Afghan officials said Pakistani artillery shelled villages in Barmal district of Paktika, killing seven civilians.

Monday was calm, officials on both sides said.
''', [
  E('armed_clash', '2026-03-14', 1, 'Angoor Adda', 'PK', 32.5156, 69.2825, ['Afghanistan', 'Pakistan'], 2),
  E('shelling', '2026-03-15', 1, 'Barmal', 'AF', 32.71, 69.3, ['Pakistan', 'Civilians'], 7),
])

weekday('2026-03-23', 'Monday')
write('51-span-days-curfew', '''
Published: 23 March 2026

Curfew lifted in Bannu after three days of unrest

BANNU: Authorities lifted a curfew in Bannu city on Monday that had been imposed after protesters and police clashed between Thursday and Saturday over the killing of a local trader.

Two protesters were killed and dozens injured when police opened fire on a rally on Friday, according to hospital officials. Protest leaders said they would hold a funeral procession on Tuesday.
''', [
  E('riot', '2026-03-19', 2, 'Bannu', 'PK', 32.985, 70.604, ['Protesters', 'Pakistan'], None),
  E('attack_on_civilians', '2026-03-20', 1, 'Bannu', 'PK', 32.985, 70.604, ['Pakistan', 'Protesters'], 2),
])

weekday('2026-04-13', 'Monday')
write('52-yesterday-today', '''
Published: 13 April 2026

PESHAWAR: Militants attacked a polio vaccination team in Jamrud yesterday, killing a policeman escorting the team, officials said today.

The attack came hours after security forces arrested two suspects in Bara, Khyber district, last night. A police official said the two incidents were not linked.

The vaccination campaign will resume on Wednesday under heavier security, the health department said.
''', [
  E('armed_clash', '2026-04-12', 1, 'Jamrud', 'PK', 34.0, 71.38, ['Militants', 'Pakistan'], 1),
  E('arrest', '2026-04-12', 1, 'Bara', 'PK', 33.91, 71.46, ['Pakistan'], None),
])

weekday('2026-05-11', 'Monday')
write('53-talks-span-between', '''
Published: 11 May 2026

Border commanders meet at Torkham, agree to reopen trade

TORKHAM: Border commanders from Pakistan and Afghanistan met at Torkham between Wednesday and Friday last week and agreed to reopen the crossing for trade from Monday, officials said.

The crossing reopened for trade on Monday morning, with around 300 trucks crossing in the first hours.
''', [
  E('talks', '2026-05-06', 2, 'Torkham', 'PK', 34.1147, 71.0847, ['Pakistan', 'Afghanistan'], None),
  E('border_reopening', '2026-05-11', 1, 'Torkham', 'PK', 34.1147, 71.0847, [], None),
])

weekday('2026-06-01', 'Monday')
write('54-html-afghan-site-kunar', '''
<html><head><title>Pakistani rockets hit Kunar's Marawara district | Salam Watandar</title>
<meta property="article:published_time" content="2026-06-01T10:20:00+04:30"></head>
<body><nav>Home | Afghanistan | Economy | Culture | Contact</nav>
<article><h1>Pakistani rockets hit Kunar's Marawara district</h1>
<p>Rockets fired from the Pakistani side landed in residential areas of Marawara district in Kunar province on Sunday night, wounding four children, local officials said.</p>
<p>The Kunar police spokesman said there were no deaths. Residents said several houses were damaged and dozens of families had moved to relatives in Asadabad.</p>
<p>Pakistan did not comment on the report.</p>
</article><footer>Salam Watandar 2026</footer></body></html>
''', [
  E('shelling', '2026-05-31', 1, 'Marawara', 'AF', 34.87, 71.22, ['Pakistan', 'Civilians'], 0),
  E('displacement', None, 3, 'Marawara', 'AF', 34.87, 71.22, ['Families'], None),
], ext='html')
