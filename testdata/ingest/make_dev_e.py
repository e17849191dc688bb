# Writes part E of the development set (see README.md): styles the first 62 articles lack, written and
# labelled before the coder was run on them: Reuters copy with a dated dateline and a dated background
# attack, a UN OCHA flash update, Pajhwok and TOLOnews in translation-flavoured English, an ISPR release
# with a night span and "embraced shahadat", Dawn local news with bodies recovered, counter-claims about
# different victims, anchor-relative dates ("three days after", "two days earlier"), Amu TV with "over the
# past week" / "last Thursday" / "earlier this month", a rising death toll in Urdu-press style, and a
# district the gazetteer does not know (province-level fallback).
import datetime
from make_dev_a import E, write

def weekday(ymd, name):
    assert datetime.date.fromisoformat(ymd).strftime('%A') == name, (ymd, name)

weekday('2026-03-09', 'Monday')
write('63-reuters-mir-ali-convoy', '''
Published: 9 March 2026

Suicide bomber kills 12 soldiers in Pakistan's North Waziristan

MIR ALI, Pakistan, March 9 (Reuters) - A suicide bomber rammed an explosives-laden car into a military convoy near Mir Ali in North Waziristan late on Saturday, killing twelve soldiers and wounding 18 others, security officials said on Monday.

The Pakistani Taliban (TTP) claimed responsibility for the attack in a statement to journalists.

In a separate incident on Sunday, a roadside bomb struck a police van in Bannu, killing two policemen, police said.

The convoy attack was the deadliest on security forces in the region since December 2024, when 16 soldiers were killed in an assault on a checkpost in Makeen, South Waziristan.
''', [
  E('suicide_bomb', '2026-03-07', 1, 'Mir Ali', 'PK', 33.02, 70.22, ['TTP', 'Pakistan'], 12),
  E('ied', '2026-03-08', 1, 'Bannu', 'PK', 32.985, 70.604, ['Pakistan'], 2),
  E('armed_clash', None, 3, 'Makeen', 'PK', 32.61, 69.83, ['Pakistan'], 16),
])

weekday('2026-04-14', 'Tuesday')
write('64-ocha-flash-update-kunar', '''
Afghanistan: Cross-border shelling in Kunar province
Flash Update No. 1
Published: 14 April 2026

HIGHLIGHTS
- Four civilians killed and 11 injured in Kunar
- An estimated 350 families displaced

SITUATION OVERVIEW
On 12 April, artillery shells fired from across the border struck villages in Dangam district of Kunar province, killing four civilians, including two children, and injuring 11 others, according to local authorities. An estimated 350 families fled the affected villages on 12 April and are staying with relatives in Asadabad city.

The following day, shelling hit Marawara district, where one woman was killed.

HUMANITARIAN RESPONSE
Partners delivered food and household items to 200 displaced families on 13 April. Humanitarian access to the affected areas remains constrained.
''', [
  E('shelling', '2026-04-12', 1, 'Dangam', 'AF', 34.97, 71.42, ['Civilians'], 4),
  E('displacement', '2026-04-12', 1, 'Dangam', 'AF', 34.97, 71.42, ['Families'], None),
  E('shelling', '2026-04-13', 1, 'Marawara', 'AF', 34.87, 71.22, ['Civilians'], 1),
])

weekday('2026-05-05', 'Tuesday')
write('65-pajhwok-shinwar-airstrikes', '''
Published: 5 May 2026

23 civilians killed in Pakistani airstrikes on Nangarhar: official

JALALABAD (Pajhwok): As many as twenty-three civilians, including women and children, have been killed and dozens others wounded in Pakistani airstrikes in Nangarhar's Shinwar district, an official said on Tuesday.

Provincial information and culture director Qureshi Badlon told Pajhwok Afghan News that Pakistani aircraft bombarded residential houses in the Ghani Khel area of Shinwar late on Monday night.

He added that Pakistani forces had also fired mortar shells on Lalpur district on Sunday, but no casualties were reported.

The Islamic Emirate spokesman condemned the attack and said such violations would not go unanswered.
''', [
  E('airstrike', '2026-05-04', 1, 'Ghani Khel', 'AF', 34.19, 70.77, ['Pakistan', 'Civilians'], 23),
  E('shelling', '2026-05-03', 1, 'Lalpur', 'AF', 34.25, 71.05, ['Pakistan'], 0),
])

weekday('2026-05-20', 'Wednesday')
write('66-ispr-spinwam-infiltration', '''
ISPR Press Release No PR-88/2026
Rawalpindi - 20 May 2026

On night 19/20 May 2026, security forces detected movement of a group of khwarij, belonging to Indian proxy Fitna al Khwarij, trying to infiltrate through Pakistan-Afghanistan border in Spinwam area of North Waziristan District.

Own troops effectively engaged the infiltrating khwarij and, after an intense exchange of fire, five khwarij were sent to hell.

However, during the intense exchange of fire, Sepoy Muhammad Irfan (age 24 years, resident of District Karak), having fought gallantly, paid the ultimate sacrifice and embraced shahadat.

Pakistan has consistently been asking the Interim Afghan Government to ensure effective border management on their side of the border.
''', [
  E('infiltration', '2026-05-19', 1, 'Spinwam', 'PK', 33.17, 70.33, ['Pakistan', 'TTP'], 6),
])

weekday('2026-05-23', 'Saturday')
write('67-dawn-polio-team-bodies', '''
Published: 23 May 2026

Three polio workers shot dead in DI Khan

DERA ISMAIL KHAN: Unidentified gunmen shot dead three polio workers and injured a policeman escorting them in Kulachi tehsil on Thursday morning, police said.

The district police officer said the attackers, riding a motorcycle, opened fire on the team in a village and fled. A search operation has been launched.

Separately, the bullet-riddled bodies of two men, who had gone missing days earlier, were recovered from a ravine in Tank district on Friday, officials said.
''', [
  E('attack_on_civilians', '2026-05-21', 1, 'Kulachi', 'PK', 31.93, 70.46, ['Unidentified armed group', 'Civilians'], 3),
  E('attack_on_civilians', '2026-05-22', 1, 'Tank', 'PK', 32.22, 70.38, ['Civilians'], 2),
])

weekday('2026-06-11', 'Thursday')
write('68-tolo-dand-patan-clash', '''
Published: 11 June 2026

Islamic Emirate, Pakistani Forces Clash in Paktia's Dand-e-Patan

Islamic Emirate forces and Pakistani troops clashed on the Durand Line in Dand-e-Patan district of Paktia province on Wednesday evening, local officials said.

Sources said two Islamic Emirate forces were killed and three others were wounded in the clash, which lasted about two hours.

The clash started after Pakistani forces tried to build a new checkpost near the line, said Khalid Zadran, a spokesman for the Paktia police commander.

The Pakistani side has not commented on the incident so far.
''', [
  E('armed_clash', '2026-06-10', 1, 'Dand-e-Patan', 'AF', 33.75, 69.98, ['Afghanistan', 'Pakistan'], 2),
])

weekday('2026-06-03', 'Wednesday')
write('69-reuters-khost-strikes-counterclaims', '''
Published: 3 June 2026

Pakistan says strikes in Afghanistan killed militants; Taliban say children died

ISLAMABAD, June 3 (Reuters) - Pakistan said on Wednesday its forces had killed dozens of militants in strikes on hideouts in Afghanistan's Khost province on Monday night, a claim the Taliban government rejected, saying the strikes hit a religious school and killed nine children.

The strikes came three days after a suicide bomber killed 14 soldiers at a military camp in Bannu, an attack Islamabad blamed on militants sheltering in Afghanistan.

Taliban spokesman Zabihullah Mujahid said Afghanistan reserved the right to respond.
''', [
  E('airstrike', '2026-06-01', 1, 'Khost', 'AF', 33.34, 69.92, ['Pakistan', 'Civilians'], 9),
  E('suicide_bomb', '2026-05-29', 1, 'Bannu', 'PK', 32.985, 70.604, ['Militants', 'Pakistan'], 14),
])

weekday('2026-07-15', 'Wednesday')
write('70-amu-panjshir-detentions', '''
Published: 15 July 2026

Taliban detain dozens of former soldiers in Panjshir

The Taliban have detained at least 30 former soldiers of the previous government in Bazarak, the capital of Panjshir province, over the past week, local sources told Amu.

Sources said the detentions followed an ambush on a Taliban vehicle near Bazarak last Thursday in which two Taliban fighters were killed. The National Resistance Front claimed the ambush.

Earlier this month, Taliban fighters shot dead a shepherd in the same area, residents said.
''', [
  E('arrest', '2026-07-08', 2, 'Bazarak', 'AF', 35.313, 69.515, ['Afghanistan', 'Civilians'], None),
  E('armed_clash', '2026-07-09', 1, 'Bazarak', 'AF', 35.313, 69.515, ['NRF', 'Afghanistan'], 2),
  E('attack_on_civilians', '2026-07-01', 3, 'Bazarak', 'AF', 35.313, 69.515, ['Afghanistan', 'Civilians'], 1),
])

weekday('2026-08-04', 'Tuesday')
write('71-urdu-press-quetta-toll', '''
Published: 4 August 2026

Quetta blast toll rises to 19

QUETTA: The death toll from Sunday's blast near a passenger bus on Sariab Road rose to 19 on Tuesday as two more injured succumbed to their wounds, hospital sources said.

According to police, explosives fitted to a motorcycle went off when the bus carrying passengers to Karachi stopped at the roadside, leaving seventeen people dead and more than forty injured on the spot.

No group has so far claimed responsibility for the attack. The Balochistan chief minister condemned the blast and announced compensation for the heirs of the martyred.
''', [
  E('ied', '2026-08-02', 1, 'Quetta', 'PK', 30.187, 67.0, ['Civilians'], 19),
])

weekday('2026-09-18', 'Friday')
write('72-xinhua-tirah-operation', '''
Published: 18 September 2026

ISLAMABAD, Sept. 18 (Xinhua) -- At least six militants were killed in an intelligence-based operation in Pakistan's northwest Khyber Pakhtunkhwa province, the military said on Friday.

The operation was conducted on Thursday in the Tirah valley of Khyber district, where security forces had come under attack two days earlier, the Inter-Services Public Relations said in a statement.

In that attack, militants fired rockets at a security check post, injuring three soldiers.
''', [
  E('armed_clash', '2026-09-17', 1, 'Tirah', 'PK', 33.85, 70.95, ['Pakistan', 'Militants'], 6),
  E('shelling', '2026-09-15', 1, 'Tirah', 'PK', 33.85, 70.95, ['Militants', 'Pakistan'], None),
])

weekday('2026-10-02', 'Friday')
write('73-levies-washuk-unknown-district', '''
Published: 2 October 2026

Two Levies personnel martyred in Washuk attack

Two Levies personnel were martyred and another was injured when unknown armed men attacked their check post in Baluchistan province's Washuk district late on Thursday night, officials said.

The attackers also set fire to a vehicle parked at the post before fleeing, according to a Levies official.
''', [
  E('armed_clash', '2026-10-01', 1, 'Washuk', 'PK', 27.72, 64.8, ['Unidentified armed group', 'Pakistan'], 2),
])
