# Writes part D of the development set (see README.md): more styles for studying errors (AP wire,
# Afghan defence ministry statements naming several provinces, possessive weekdays, death tolls that
# rise the next day, quoted threats inside reports of real events).
import datetime
from make_dev_a import E, write

def weekday(ymd, name):
    assert datetime.date.fromisoformat(ymd).strftime('%A') == name, (ymd, name)

weekday('2026-06-03', 'Wednesday')
write('55-zhob-fort-attack', '''
Published: 3 June 2026

Attack on FC fort in Zhob repulsed, four soldiers martyred

QUETTA: Terrorists attacked a Frontier Corps fort in Zhob district in the early hours of Tuesday, triggering an exchange of fire that lasted more than three hours, the ISPR said.

Four soldiers embraced shahadat while nine terrorists were sent to hell, the military's media wing said, adding that the attackers had entered Pakistan from Afghanistan.
''', [
  E('armed_clash', '2026-06-02', 1, 'Zhob', 'PK', 31.34, 69.45, ['Militants', 'Pakistan'], 13),
])

weekday('2026-06-09', 'Tuesday')
write('56-ap-minibus-bomb', '''
KABUL, Afghanistan (AP) - A roadside bomb struck a minibus carrying Shiite worshippers in the western Dasht-e-Barchi neighborhood of Kabul on Monday evening, killing at least 10 people and wounding 15, a Taliban police spokesman said.

No one immediately claimed responsibility, but the Islamic State group's local affiliate has carried out similar attacks on Shiites in the area in the past.

Published: 9 June 2026
''', [
  E('ied', '2026-06-08', 1, 'Kabul', 'AF', 34.528, 69.172, ['Civilians'], 10),
])

weekday('2026-06-12', 'Friday')
write('57-toll-rises-next-day', '''
Published: 12 June 2026

Death toll in Parachinar market blast rises to 14

PARACHINAR: The death toll from Wednesday's bomb blast in a crowded vegetable market in Parachinar rose to 14 on Thursday after three more of the injured died in hospital, officials said.

The blast, caused by explosives planted in a cart, initially killed 11 people and wounded more than 40. Traders observed a strike on Thursday to protest against the attack.
''', [
  E('ied', '2026-06-10', 1, 'Parachinar', 'PK', 33.9, 70.1, ['Civilians'], 14),
  E('protest', '2026-06-11', 1, 'Parachinar', 'PK', 33.9, 70.1, ['Traders'], None),
])

weekday('2026-06-17', 'Wednesday')
write('58-mod-retaliation-three-provinces', '''
Ministry of National Defence, Islamic Emirate of Afghanistan
17 June 2026

Statement

In response to the violations of Afghanistan's territory by the Pakistani military regime, the forces of the Islamic Emirate conducted successful retaliatory operations last night against the Pakistani military's posts along the Durand Line in the provinces of Kunar, Nangarhar and Khost.

The Ministry of National Defence warns that any further aggression will be met with a decisive response.
''', [
  E('armed_clash', '2026-06-16', 1, 'Kunar', 'AF', 34.85, 71.1, ['Afghanistan', 'Pakistan'], None),
  E('armed_clash', '2026-06-16', 1, 'Nangarhar', 'AF', 34.2, 70.6, ['Afghanistan', 'Pakistan'], None),
  E('armed_clash', '2026-06-16', 1, 'Khost', 'AF', 33.34, 69.92, ['Afghanistan', 'Pakistan'], None),
])

weekday('2026-06-22', 'Monday')
write('59-possessive-weekday', '''
Published: 22 June 2026

Police identify suspects in Saturday's Kohat ambush

KOHAT: Police on Monday said they had identified the militants behind Saturday's ambush on a police patrol in Kohat, in which two constables were killed.

Officials said a search operation in the nearby hills had so far led to no arrests.
''', [
  E('armed_clash', '2026-06-20', 1, 'Kohat', 'PK', 33.58, 71.44, ['Pakistan', 'Militants'], 2),
])

weekday('2026-06-25', 'Thursday')
write('60-earlier-this-week', '''
Published: 25 June 2026

Taliban reopen Dand-e-Patan crossing for traders

GARDEZ: Taliban authorities reopened the Dand-e-Patan crossing in Paktia for traders earlier this week, more than two months after it was shut following clashes with Pakistani forces, local officials said.

Traders welcomed the move but said the Pakistani side had yet to allow trucks through.
''', [
  E('border_reopening', '2026-06-22', 2, 'Dand-e-Patan', 'AF', 33.75, 69.98, ['Afghanistan'], None),
  E('border_closure', None, 3, 'Dand-e-Patan', 'AF', 33.75, 69.98, [], None),
  E('crossing_restriction', None, None, 'Dand-e-Patan', 'AF', 33.75, 69.98, ['Pakistan'], None),
])

weekday('2026-06-30', 'Tuesday')
write('61-quoted-threat-real-event', '''
Published: 30 June 2026

BLA kills five in Panjgur, threatens more attacks

PANJGUR: Gunmen shot dead five labourers from Punjab at a construction site near Panjgur on Monday night, police said.

In a statement, the Balochistan Liberation Front claimed the killings and warned that "any outsider working on occupation projects will face the same fate".
''', [
  E('attack_on_civilians', '2026-06-29', 1, 'Panjgur', 'PK', 26.97, 64.09, ['BLF', 'Labourers'], 5),
])

weekday('2026-07-02', 'Thursday')
write('62-kurram-convoy-aid-html', '''
<html><head><title>Aid convoy reaches Parachinar after weeks | The Frontier Post</title>
<meta name="date" content="2026-07-02"></head>
<body><div class="menu">Home | Pakistan | World | Sports</div>
<article><h1>Aid convoy reaches Parachinar after weeks</h1>
<p>PARACHINAR: A convoy of 60 trucks carrying food and medicine reached Parachinar on Wednesday, the first to get through since the Thall-Parachinar road was closed in May, officials said.</p>
<p>The convoy was escorted by security forces. Residents of Upper Kurram have faced shortages of food and medicine for weeks.</p>
</article><footer>Copyright The Frontier Post</footer></body></html>
''', [], ext='html')
