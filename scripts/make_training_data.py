"""Generate synthetic, news-style training snippets for the sub-event classifier.

Every line written is made here from the project's own templates and phrase lists (no published text): one
JSON object per line with ``text``, ``label`` (an ACLED sub-event type, or ``NONE`` for reports that hold
no political-violence, demonstration or strategic-development event: disasters, accidents, ordinary crime,
politics, sport, business, diplomacy) and ``template`` (the id of its main template, for grouped
validation splits).

Templates use ``<slot>`` for a phrase drawn from a slot list and ``{a|b|c}`` for an inline choice (``{a|}``
makes ``a`` optional). A snippet is one main sentence from the class, plus optionally a follow-up from the
same class (casualties, attribution, detail) and a distractor sentence that mentions other event types in a
secondary role (background, earlier events), so that the model learns which sentence carries the label.

Usage::

    .venv/bin/python scripts/make_training_data.py [--per-class 900] [--seed 13] [--output PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "frontlines" / "data" / "training" / "synthetic.jsonl"

# --------------------------------------------------------------------------------------------- places
# country: (demonym, towns, provinces, armed groups, state-force nouns)
COUNTRIES: dict[str, tuple[str, list[str], list[str], list[str], list[str]]] = {
    "Afghanistan": (
        "Afghan",
        ["Kunduz", "Lashkar Gah", "Ghazni", "Pul-e-Khumri", "Maidan Shar", "Jalalabad", "Herat", "Taloqan"],
        ["Helmand", "Kunduz", "Ghazni", "Baghlan", "Nangarhar", "Faryab", "Takhar"],
        ["the Taliban", "Taliban fighters", "Islamic State militants", "Haqqani network fighters"],
        ["Afghan forces", "Afghan National Army troops", "Afghan special forces", "the Afghan police"],
    ),
    "Syria": (
        "Syrian",
        ["Idlib", "Saraqeb", "Deir ez-Zor", "Manbij", "Raqqa", "Maarat al-Numan", "Daraa", "Tal Abyad"],
        ["Idlib", "Aleppo", "Hama", "Deir ez-Zor", "Hasakah", "Daraa", "Homs"],
        [
            "Hayat Tahrir al-Sham",
            "Islamic State fighters",
            "Kurdish-led SDF fighters",
            "Turkish-backed rebels",
        ],
        ["Syrian government forces", "Syrian army troops", "pro-government forces", "regime forces"],
    ),
    "Iraq": (
        "Iraqi",
        ["Mosul", "Tikrit", "Kirkuk", "Fallujah", "Ramadi", "Baquba", "Samarra", "Tal Afar"],
        ["Nineveh", "Anbar", "Salahuddin", "Diyala", "Kirkuk", "Babil"],
        ["Islamic State militants", "IS fighters", "Kataib Hezbollah", "an Iran-backed militia"],
        ["Iraqi security forces", "Iraqi troops", "the Iraqi army", "counter-terrorism forces"],
    ),
    "Yemen": (
        "Yemeni",
        ["Marib", "Taiz", "Hodeidah", "Saada", "Aden", "Hajjah", "Al Bayda", "Mukalla"],
        ["Marib", "Taiz", "Hodeidah", "Saada", "Shabwa", "Abyan", "Al Jawf"],
        ["Houthi rebels", "the Houthis", "separatist fighters", "al-Qaeda in the Arabian Peninsula"],
        ["government forces", "Yemeni troops", "pro-government forces", "Saudi-backed forces"],
    ),
    "Somalia": (
        "Somali",
        ["Mogadishu", "Kismayo", "Baidoa", "Beledweyne", "Afgoye", "Jowhar", "Marka", "Bardhere"],
        ["Lower Shabelle", "Middle Shabelle", "Bay", "Hiraan", "Gedo", "Jubaland"],
        ["al-Shabaab", "al-Shabaab militants", "al Shabaab fighters", "clan militiamen"],
        ["Somali troops", "Somali National Army soldiers", "African Union troops", "Somali police"],
    ),
    "Nigeria": (
        "Nigerian",
        ["Maiduguri", "Damboa", "Gwoza", "Zaria", "Jos", "Kaduna", "Katsina", "Monguno"],
        ["Borno", "Yobe", "Adamawa", "Zamfara", "Kaduna", "Plateau", "Benue"],
        ["Boko Haram", "Boko Haram militants", "ISWAP fighters", "armed bandits"],
        ["Nigerian troops", "the Nigerian army", "Nigerian soldiers", "the Nigerian police"],
    ),
    "Mali": (
        "Malian",
        ["Gao", "Timbuktu", "Mopti", "Menaka", "Kidal", "Sevare", "Djenne", "Boni"],
        ["Gao", "Mopti", "Segou", "Timbuktu", "Menaka", "Kidal"],
        ["JNIM fighters", "jihadists linked to al-Qaeda", "Islamic State in the Sahel", "Tuareg rebels"],
        ["Malian troops", "the Malian army", "Malian soldiers", "Malian gendarmes"],
    ),
    "Burkina Faso": (
        "Burkinabe",
        ["Djibo", "Dori", "Ouahigouya", "Kaya", "Fada N'Gourma", "Arbinda", "Gorom-Gorom"],
        ["Soum", "Seno", "Oudalan", "Sanmatenga", "Loroum"],
        ["jihadist fighters", "Ansarul Islam militants", "suspected jihadists", "Islamic State militants"],
        ["Burkinabe soldiers", "the Burkinabe army", "volunteer defence fighters", "gendarmes"],
    ),
    "Democratic Republic of Congo": (
        "Congolese",
        ["Beni", "Butembo", "Goma", "Bunia", "Rutshuru", "Uvira", "Djugu", "Kiwanja"],
        ["North Kivu", "South Kivu", "Ituri", "Tanganyika", "Kasai"],
        ["M23 rebels", "ADF rebels", "CODECO militiamen", "Mai-Mai fighters"],
        ["Congolese troops", "FARDC soldiers", "the Congolese army", "Congolese police"],
    ),
    "Ukraine": (
        "Ukrainian",
        ["Avdiivka", "Mariupol", "Kramatorsk", "Bakhmut", "Sievierodonetsk", "Kherson", "Izium"],
        ["Donetsk", "Luhansk", "Kharkiv", "Zaporizhzhia", "Kherson"],
        ["Russian-backed separatists", "separatist fighters", "pro-Russian rebels", "Russian forces"],
        ["Ukrainian forces", "Ukrainian troops", "the Ukrainian army", "Ukrainian border guards"],
    ),
    "Pakistan": (
        "Pakistani",
        ["Peshawar", "Quetta", "Bannu", "Miranshah", "Dera Ismail Khan", "Turbat", "Khyber"],
        ["Khyber Pakhtunkhwa", "Balochistan", "North Waziristan", "South Waziristan"],
        ["Pakistani Taliban", "TTP militants", "Baloch separatists", "Baloch Liberation Army fighters"],
        ["Pakistani security forces", "Pakistani troops", "the Frontier Corps", "paramilitary Rangers"],
    ),
    "India": (
        "Indian",
        ["Srinagar", "Shopian", "Pulwama", "Anantnag", "Imphal", "Dantewada", "Sukma", "Baramulla"],
        ["Jammu and Kashmir", "Manipur", "Chhattisgarh", "Jharkhand", "Assam"],
        ["militants", "Maoist rebels", "Hizbul Mujahideen militants", "Lashkar-e-Taiba militants"],
        ["Indian security forces", "CRPF personnel", "Indian army soldiers", "state police"],
    ),
    "Myanmar": (
        "Myanmar",
        ["Mandalay", "Yangon", "Myitkyina", "Lashio", "Hpakant", "Sittwe", "Mindat", "Loikaw"],
        ["Kachin", "Shan", "Rakhine", "Sagaing", "Chin", "Karen"],
        [
            "the Arakan Army",
            "Kachin Independence Army fighters",
            "People's Defence Force fighters",
            "Karen rebels",
        ],
        ["Myanmar troops", "junta forces", "the Tatmadaw", "Myanmar police"],
    ),
    "Colombia": (
        "Colombian",
        ["Tumaco", "Cucuta", "Buenaventura", "Tibu", "Caucasia", "Toribio", "Quibdo"],
        ["Cauca", "Antioquia", "Narino", "Norte de Santander", "Choco"],
        ["ELN guerrillas", "FARC dissidents", "the Gulf Clan", "armed dissidents"],
        ["Colombian soldiers", "the Colombian army", "Colombian police", "marines"],
    ),
    "Mexico": (
        "Mexican",
        ["Culiacan", "Reynosa", "Uruapan", "Acapulco", "Ciudad Juarez", "Zamora", "Tijuana"],
        ["Sinaloa", "Michoacan", "Guerrero", "Tamaulipas", "Jalisco"],
        ["cartel gunmen", "members of a drug cartel", "a self-defence militia", "armed civilians"],
        ["Mexican soldiers", "the National Guard", "Mexican police", "marines"],
    ),
    "Ethiopia": (
        "Ethiopian",
        ["Mekelle", "Dessie", "Gondar", "Bahir Dar", "Adigrat", "Nekemte", "Shire"],
        ["Tigray", "Amhara", "Oromia", "Afar", "Benishangul-Gumuz"],
        ["Tigrayan forces", "TPLF fighters", "Oromo Liberation Army rebels", "Fano militiamen"],
        ["Ethiopian troops", "federal forces", "the Ethiopian army", "regional special forces"],
    ),
    "Sudan": (
        "Sudanese",
        ["El Fasher", "Nyala", "El Geneina", "Kadugli", "Omdurman", "Khartoum", "Wad Madani"],
        ["North Darfur", "South Darfur", "West Darfur", "South Kordofan", "Blue Nile"],
        ["Rapid Support Forces", "RSF fighters", "SPLM-N rebels", "Arab militiamen"],
        ["Sudanese army troops", "the Sudanese army", "Sudanese security forces", "Sudanese police"],
    ),
    "Libya": (
        "Libyan",
        ["Tripoli", "Sirte", "Benghazi", "Misrata", "Tarhuna", "Gharyan", "Derna"],
        ["Tripolitania", "Cyrenaica", "Fezzan", "Jufra"],
        ["Haftar's forces", "LNA fighters", "rival militias", "an armed group from Zawiya"],
        ["GNA forces", "government-aligned forces", "Libyan troops", "interior ministry forces"],
    ),
    "Philippines": (
        "Philippine",
        ["Marawi", "Jolo", "Cotabato", "Maguindanao", "Zamboanga", "Basilan"],
        ["Sulu", "Lanao del Sur", "Maguindanao", "Basilan", "Davao"],
        ["Abu Sayyaf gunmen", "New People's Army rebels", "BIFF militants", "communist guerrillas"],
        ["Philippine troops", "government soldiers", "the Philippine army", "Philippine police"],
    ),
    "Mozambique": (
        "Mozambican",
        ["Palma", "Mocimboa da Praia", "Macomia", "Pemba", "Mueda", "Quissanga"],
        ["Cabo Delgado", "Niassa", "Nampula"],
        ["insurgents", "Islamist insurgents", "al-Shabab insurgents", "Islamic State-linked fighters"],
        ["Mozambican troops", "Mozambican security forces", "Rwandan troops", "Mozambican police"],
    ),
    "Cameroon": (
        "Cameroonian",
        ["Bamenda", "Buea", "Kumba", "Mora", "Kolofata", "Ndop"],
        ["North-West", "South-West", "Far North"],
        ["Ambazonian separatists", "anglophone separatists", "Boko Haram fighters", "separatist fighters"],
        ["Cameroonian soldiers", "the Cameroonian army", "gendarmes", "Cameroonian troops"],
    ),
    "Israel and Palestine": (
        "Israeli",
        ["Gaza City", "Khan Younis", "Rafah", "Jenin", "Nablus", "Hebron", "Sderot"],
        ["the Gaza Strip", "the West Bank", "northern Gaza"],
        ["Hamas militants", "Islamic Jihad fighters", "Palestinian gunmen", "Hezbollah fighters"],
        ["Israeli troops", "Israeli soldiers", "the Israeli army", "Israeli border police"],
    ),
}

PROTEST_PLACES: list[tuple[str, str]] = [
    ("Hong Kong", "Hong Kong"),
    ("Santiago", "Chile"),
    ("Beirut", "Lebanon"),
    ("Baghdad", "Iraq"),
    ("Khartoum", "Sudan"),
    ("Caracas", "Venezuela"),
    ("La Paz", "Bolivia"),
    ("Quito", "Ecuador"),
    ("Tehran", "Iran"),
    ("Algiers", "Algeria"),
    ("Lagos", "Nigeria"),
    ("Nairobi", "Kenya"),
    ("Kampala", "Uganda"),
    ("Harare", "Zimbabwe"),
    ("Conakry", "Guinea"),
    ("Dhaka", "Bangladesh"),
    ("Karachi", "Pakistan"),
    ("New Delhi", "India"),
    ("Kolkata", "India"),
    ("Colombo", "Sri Lanka"),
    ("Jakarta", "Indonesia"),
    ("Bangkok", "Thailand"),
    ("Yangon", "Myanmar"),
    ("Paris", "France"),
    ("Barcelona", "Spain"),
    ("Minsk", "Belarus"),
    ("Tbilisi", "Georgia"),
    ("Portland", "the United States"),
    ("Minneapolis", "the United States"),
    ("Bogota", "Colombia"),
    ("Lima", "Peru"),
    ("Port-au-Prince", "Haiti"),
    ("Tunis", "Tunisia"),
    ("Amman", "Jordan"),
    ("Kinshasa", "Congo"),
    ("Dakar", "Senegal"),
    ("Abuja", "Nigeria"),
    ("Islamabad", "Pakistan"),
    ("Srinagar", "India"),
    ("Manila", "the Philippines"),
]

COUNTRY_NAMES = list(COUNTRIES)

# ------------------------------------------------------------------------------------------- slots
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
NUM_WORDS = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "12",
    "15",
    "20",
    "11",
    "14",
]
BIG_NUM = [
    "dozens of",
    "hundreds of",
    "thousands of",
    "more than 200",
    "about 500",
    "several thousand",
    "scores of",
]

SLOTS: dict[str, list[str]] = {
    "civs": [
        "civilians",
        "villagers",
        "worshippers",
        "farmers",
        "passengers",
        "residents",
        "shoppers",
        "women and children",
        "displaced people",
        "herders",
        "fishermen",
        "pilgrims",
        "students",
        "market traders",
        "members of a family",
        "miners",
    ],
    "civ1": [
        "a teacher",
        "a local journalist",
        "a tribal elder",
        "a village chief",
        "a shopkeeper",
        "an aid worker",
        "a doctor",
        "a human rights activist",
        "a local politician",
        "a cleric",
        "a farmer",
        "a taxi driver",
        "a businessman",
        "a school principal",
        "a community leader",
        "an opposition candidate",
    ],
    "gunmen": [
        "gunmen",
        "unidentified gunmen",
        "armed men",
        "suspected militants",
        "masked gunmen",
        "assailants",
        "bandits",
        "attackers",
        "men on motorcycles",
        "suspected jihadists",
        "militiamen",
        "unknown assailants",
    ],
    "militia": [
        "a local militia",
        "armed herders",
        "vigilantes",
        "a self-defence group",
        "ethnic militiamen",
        "a tribal militia",
        "militia fighters",
        "a pro-government militia",
    ],
    "protesters": [
        "protesters",
        "demonstrators",
        "students",
        "workers",
        "opposition supporters",
        "activists",
        "teachers",
        "farmers",
        "residents",
        "nurses",
        "trade unionists",
        "women",
        "pensioners",
        "truck drivers",
        "university students",
        "lawyers",
        "health workers",
        "supporters of the jailed opposition leader",
    ],
    "cause": [
        "against rising fuel prices",
        "to demand the release of detained activists",
        "over the disputed election results",
        "against corruption",
        "calling for the resignation of the governor",
        "over chronic power cuts",
        "against a new land law",
        "to demand unpaid wages",
        "against the killing of a young man by police",
        "against the government's handling of the economy",
        "over water shortages",
        "against a proposed constitutional change",
        "to demand better pay",
        "against police brutality",
        "against a planned mine",
        "against the military takeover",
        "over the arrest of a popular cleric",
        "against tax increases",
        "demanding an independent inquiry",
        "against the closure of a factory",
        "in support of independence",
        "against a controversial citizenship law",
        "over the rising cost of living",
        "against the extradition bill",
    ],
    "police": [
        "police",
        "riot police",
        "security forces",
        "anti-riot police",
        "police officers",
        "soldiers",
        "gendarmes",
        "troops",
        "the national guard",
        "plainclothes officers",
    ],
    "date": [
        "on Monday",
        "on Tuesday",
        "on Wednesday",
        "on Thursday",
        "on Friday",
        "on Saturday",
        "on Sunday",
        "late on Friday",
        "early on Sunday",
        "on Saturday night",
        "on Tuesday morning",
        "yesterday",
        "last week",
        "overnight",
        "on Wednesday evening",
        "earlier this week",
        "on 12 March",
        "on 3 August",
        "on May 21",
        "on October 9",
        "this morning",
        "late last night",
    ],
    "attr": [
        "police said",
        "officials said",
        "a local official said",
        "witnesses said",
        "a security source told AFP",
        "local media reported",
        "the military said in a statement",
        "residents said",
        "a spokesman for the provincial governor said",
        "hospital sources said",
        "according to local officials",
        "a police spokesman told reporters",
        "an army spokesman said",
        "the interior ministry said",
        "a monitoring group said",
        "sources told Reuters",
    ],
    "num": NUM_WORDS,
    "big": BIG_NUM,
    "group": ["the group", "the movement", "the organisation", "the alliance", "the faction"],
    "leader": ["commander", "leader", "spokesman", "emir", "chief", "deputy leader", "founder"],
}

# ------------------------------------------------------------------------------- class templates
# Each class: main sentences; follow-ups (same class, may be added after). <c> country, <town>, <prov>,
# <armed> (the country's armed group), <state> (its state forces), <adj> (demonym), <ptown>/<pcountry>.
T: dict[str, dict[str, list[str]]] = {}

T["Armed clash"] = {
    "main": [
        "<Armed> clashed with <state> in <place> <date>, leaving <num> fighters dead{, <attr>|}.",
        "{Heavy|Fierce|Intense} fighting broke out between <state> and <armed> {near|in|on the outskirts of} <place> <date>.",
        "<num> soldiers and <num> militants were killed in a gun battle in <place> <date>{, <attr>|}.",
        "<State> {repelled|repulsed|beat back|fought off} an attack by <armed> on {a checkpoint|an army post|a military base|their positions} in <place> <date>.",
        "<Armed> {ambushed|attacked} {a military convoy|an army patrol|a police patrol|a police station|an army outpost} in <place>, {sparking|triggering} a firefight that lasted {several hours|until dawn|more than an hour}.",
        "At least <num> people were killed in clashes between <armed> and <state> in <prov> province <date>.",
        "<State> exchanged fire with <armed> near <place> <date>{, <attr>|}.",
        "{Rival|Two rival} {armed groups|militias|factions|rebel groups} fought {each other|for control of a key road} in <place> <date>, killing <num> fighters.",
        "<State> killed <num> {insurgents|militants|rebels|fighters|jihadists} during a {raid|operation|security operation} in <place> <date>{, <attr>|}.",
        "An exchange of gunfire between <state> and <armed> in <place> left <num> people dead <date>.",
        "{Clashes|Fighting|Skirmishes} {erupted|continued|raged} between <armed> and <state> in <prov> <date>, with casualties on both sides.",
        "<num> <state_short> were killed when <armed> attacked their {base|camp|post|convoy} in <place>; <num> attackers also died in the fighting.",
        "<Militia> and <armed> fought a {gun battle|pitched battle|fierce battle} in <place> <date>{, <attr>|}.",
        "<State> said they had {killed|neutralised|eliminated} <num> {terrorists|militants|rebels} in a {counter-offensive|firefight|shootout} near <place>.",
        "Militants stormed {a police post|an army checkpoint|a border post} in <place> <date>, {triggering|setting off} a gunfight with {security forces|soldiers|police} that left <num> dead.",
        "A {soldier|policeman|security guard|border guard} was killed and <num> others wounded when <armed> opened fire on their {patrol|vehicle|checkpoint} in <place>, prompting return fire.",
        "<Armed> and <state> traded fire along the front line near <place> <date>.",
        "A {border skirmish|border clash|cross-border firefight} between <adj> troops and {soldiers from the neighbouring country|foreign troops|border guards of the neighbouring state} left <num> dead <date>.",
        "{Government troops|Security forces|Soldiers} {engaged|fought|battled} <armed> in <place> <date> in an operation that is still ongoing{, <attr>|}.",
        "{Rebels|Insurgents|Militants} attacked {a military base|army positions|an army barracks} in <place> <date> and were {pushed back|driven off|repelled} after hours of fighting.",
        "Gunmen {ambushed|attacked} {soldiers|a security convoy|police officers} escorting {an aid convoy|a fuel convoy|election materials} in <place>, and {a shootout|a gunfight} followed.",
        "<num> {militants|gunmen|insurgents} and a police officer died in an {encounter|exchange of fire|encounter with security forces} in <place> <date>.",
    ],
    "follow": [
        "The fighting lasted several hours before the attackers withdrew.",
        "Both sides suffered casualties, <attr>.",
        "<num> soldiers were wounded in the exchange.",
        "The militants fled into the nearby forest after the gunfight.",
        "Reinforcements were sent to the area, where fighting continued into the night.",
        "The bodies of <num> fighters were left at the scene.",
    ],
}

T["Government regains territory"] = {
    "main": [
        "<State> {captured|took control of|seized|took over} {a key neighbourhood|several villages|the town|a strategic hill|the district centre|oilfields} {from|held by} <armed> in <place> <date>{, <attr>|}.",
        "<State> {advanced into|pushed into|stormed} {a rebel-held enclave|a militant-held district|the last rebel stronghold} near <place>, {capturing|taking} {a village|the town|key positions} after {clashes|fighting} with <armed>.",
        "{The army|Government troops|Security forces and allied militias} {freed|cleared|took control of} {several areas|villages|neighbourhoods} {from|held by} <armed> in <prov> <date>{, <attr>|}.",
        "<State> {recaptured|retook|regained control of|took back|reclaimed} <place> from <armed> <date>{, <attr>|}.",
        "<State> {drove|pushed|chased|flushed} <armed> out of <place> after {days|weeks|hours} of fighting.",
        "The army said it had {liberated|freed|cleared} <place> of <armed> following a {military offensive|ground operation|counter-offensive}.",
        "<place> is back under government control after <state> {routed|ousted|expelled} <armed> {in heavy fighting|in a dawn offensive|after a fierce battle} <date>.",
        "<State> {retook|recaptured|regained} {the town|the district centre|the strategic town|the key town|a string of villages|the border crossing|the airport|the highway} of <town> from <armed>{, <attr>|}.",
        "After a two-week siege, <state> {wrested back|won back|regained} control of <place> from <armed>.",
        "Government forces {restored control|re-established control|reasserted control} over <place> after {expelling|dislodging|driving out} <armed>{, <attr>|}.",
        "<State> {reclaimed|recovered|retook} {several villages|a key hill|the district headquarters|the main road} near <place> that <armed> had seized {last month|earlier this year|in the spring}.",
        "The defence ministry announced that troops had {entered|swept into|marched into} <place> after {dislodging|ousting|routing} <armed> who had held the town since {last year|March|the summer}.",
        "{Troops|Soldiers|The army} regained <place> <date> after a {counter-attack|counteroffensive|push} that forced <armed> to {flee|retreat|abandon their positions}.",
        "<State> {liberated|recaptured} <place>, {a former stronghold|a key stronghold|the last stronghold} of <armed>, <date>.",
        "<place> was {recaptured|retaken|won back} by <state> following heavy {fighting|clashes} with <armed>{, <attr>|}.",
    ],
    "follow": [
        "The army raised the national flag over the town's main administrative building.",
        "Residents who had fled the fighting began returning, <attr>.",
        "The militants had held the area for <num> months.",
        "Soldiers were clearing mines left behind by the retreating fighters.",
        "It was the first government advance in the area in months.",
    ],
}

T["Non-state actor overtakes territory"] = {
    "main": [
        "<Armed> {have taken over|took over|captured|overran} <num> {localities|villages|towns|districts} in <prov> <date>{, <attr>|}.",
        "<Armed> {recaptured|retook|regained} <place> from <state> {following heavy fighting|after clashes|in a counter-attack} <date>.",
        "<Armed> {seized control of|captured} {the last border crossing|a border post|an oil field|a dam|the main highway} near <place> after {fighting|clashes} with {government troops|the army|a rival group}{, <attr>|}.",
        "<Armed> {captured|seized|took control of|overran} <place> <date> after {heavy fighting|clashes|a fierce battle} with <state>{, <attr>|}.",
        "<place> fell to <armed> <date> after <state> {retreated|were overwhelmed|abandoned their positions} under fire.",
        "<Armed> {stormed|overran} {the district centre|an army base|the town|the provincial capital|a border post} in <place> and {raised their flag|took control|now hold the area}.",
        "<Armed> {claimed to have|said they had} {captured|seized|taken} <place> following {days of fighting|an assault|a dawn offensive} against <state>.",
        "{Rebels|Insurgents|Militants|Fighters} {seized|captured|took} {the strategic town|the district headquarters|a key border crossing|several villages|the airport} of <town> <date>{, <attr>|}.",
        "<Armed> {gained control of|took over|seized} <place> from {a rival group|rival militants|a rival militia|another armed faction} after {clashes|fighting}.",
        "The {provincial capital|district|town} of <town> {fell|was overrun} after <armed> {attacked|besieged} it for <num> days.",
        "<Armed> {overran|captured|seized} {an army outpost|a military base|police headquarters} in <place>, {killing|wounding} <num> soldiers and taking control of the {area|district}.",
        "<Armed> now control <place> after {pushing out|routing|driving out} <state> {in fighting|in a coordinated assault} <date>.",
        "<Armed> {advanced into|swept into|took} <place>, {capturing|seizing} {weapons|vehicles|government buildings} after the garrison {fled|collapsed|was overrun}.",
        "{Foreign|Invading} troops {captured|seized|took control of} <place> after {shelling|fighting} <state>{, <attr>|}.",
        "<place> is now in the hands of <armed>, who {seized|took} it <date> after {a battle|clashes} with the army.",
    ],
    "follow": [
        "Government troops withdrew to the nearby town.",
        "The fighters posted images of their flag flying over the governor's compound.",
        "It is the <num>th district to fall this month.",
        "Residents fled as the fighters moved in.",
        "Officials said reinforcements had been sent to retake the area.",
    ],
}

T["Non-violent transfer of territory"] = {
    "main": [
        "<Armed> {entered|took over|moved into} <place> <date> {without a fight|without firing a shot|without resistance|unopposed} after <state> {withdrew|pulled out}.",
        "<State> {withdrew from|pulled out of|handed over|abandoned} <place> <date>, leaving <armed> in control{, <attr>|}.",
        "Local elders {negotiated|brokered} the {handover|surrender} of <place> to <armed>, {and no fighting was reported|avoiding bloodshed}.",
        "The {district|town|city} of <town> was handed over to <armed> under a {local deal|deal brokered by tribal elders|negotiated agreement}{, <attr>|}.",
        "{Troops|Foreign forces|Peacekeepers|International forces} {completed their withdrawal from|handed over control of|left} <place>, {transferring|handing} {the base|security responsibilities|the area} to <state>.",
        "<Armed> {withdrew|pulled out} from <place> <date>, and <state> {moved in|took over|deployed} {without clashes|peacefully|without any fighting}.",
        "The {governor|district chief|local administration} {surrendered|handed over} <place> to <armed> {without resistance|peacefully|after talks}.",
        "{Government forces|The army|Police} {retreated from|evacuated|abandoned} <place> overnight and <armed> {walked in|took over} the next morning{, <attr>|}.",
        "Under {an agreement|a deal|a Russian-brokered deal|the terms of the accord}, <armed> {handed over|ceded|transferred} <place> to <state> <date>.",
        "{Russian|Turkish|UN|Government} troops {deployed to|entered} <place> after <armed> {agreed to leave|vacated the area|withdrew}, with no clashes reported.",
        "<Armed> {took control of|assumed control of} <place> <date> after {the garrison|local forces|the police} {surrendered|laid down their weapons} without a fight.",
    ],
    "follow": [
        "No casualties were reported.",
        "Residents said the handover was peaceful.",
        "The fighters were seen patrolling the streets on motorbikes.",
        "Officials confirmed the withdrawal but gave no reason.",
    ],
}

T["Air/drone strike"] = {
    "main": [
        "{Saudi|Israeli|Russian|Syrian|Turkish|Government|Coalition} {jets|warplanes|aircraft|helicopters} fired {missiles|rockets|a number of missiles} at {a vehicle|targets|a house|a training camp|positions} in <place> <date>{, <attr>|}.",
        "{Army helicopters|Government warplanes|The air force} {carried out|conducted} {raids|strikes} on <armed> in <prov>, killing <num> fighters.",
        "{Strikes|Raids|Air raids} by {the air force|government aircraft|coalition jets} {targeted|hit} {army positions|militant positions|weapons depots|a convoy} in <place>, killing <num>{, <attr>|}.",
        "{An air strike|An airstrike|A drone strike|An aerial bombardment|A helicopter strike|An air raid} {hit|struck|targeted} <place> <date>, killing <num> people{, <attr>|}.",
        "{Warplanes|Fighter jets|Military aircraft|Russian jets|Coalition aircraft|Helicopter gunships|Government warplanes} {bombed|struck|pounded|carried out strikes on} <place> <date>{, <attr>|}.",
        "A {US|American|Turkish|Israeli|Saudi-led coalition|Pakistani|Nigerian air force|Kenyan} {drone|drone strike|air strike} killed <num> {militants|suspected militants|fighters|civilians} in <place> <date>.",
        "<num> people were killed when {a drone|a warplane|an aircraft|a helicopter gunship} {fired missiles at|bombed|struck} {a vehicle|a house|a market|a compound|a wedding party|a hideout} in <place>.",
        "The {air force|military} said it {carried out|conducted|launched} {air strikes|precision strikes|aerial raids|airstrikes} on <armed> positions in <place> <date>.",
        "{Barrel bombs|Bombs} dropped by {government helicopters|regime aircraft|warplanes} {hit|struck} <place> <date>, killing <num> civilians{, <attr>|}.",
        "{Unmanned aerial vehicles|Armed drones|Suicide drones|Kamikaze drones} {struck|hit|attacked} {an oil facility|a military airbase|a power station|an airport|a convoy} in <place> <date>.",
        "<Armed> {commanders|leaders|fighters} were killed in {a drone strike|an air strike|an airstrike} on their {vehicle|hideout|training camp|compound} in <place>{, <attr>|}.",
        "The {coalition|air force|military} {bombed|struck} <place> {in a series of|in} {overnight raids|air raids|sorties}, {destroying|hitting} {a weapons depot|a bridge|a command centre|several buildings}.",
        "{Jets|Aircraft|Planes} {believed to belong to|from} the {coalition|government|neighbouring country} {carried out|launched} {raids|air strikes|strikes} on <place> <date>{, <attr>|}.",
        "At least <num> people died when {air strikes|airstrikes|aerial bombardments} {hit|tore through|struck} a {crowded market|hospital|school|residential area|displacement camp} in <place>.",
    ],
    "follow": [
        "The strike destroyed several houses.",
        "The military said the strike targeted a militant commander.",
        "Rescue workers pulled bodies from the rubble, <attr>.",
        "There was no ground fighting in the area at the time.",
        "Aircraft were heard circling the town for hours.",
    ],
}

T["Shelling/artillery/missile attack"] = {
    "main": [
        "{Rocket-propelled grenades|RPGs|Anti-tank missiles|Guided missiles} {were fired at|hit|struck} {a military vehicle|tanks|a checkpoint} {near|in} <place> <date>{, <attr>|}.",
        "{At least|Some} <num> {rockets|Katyusha rockets|mortar rounds} {struck|landed|hit} near {the embassy|a military base|the airport} in <place> <date>.",
        "{A vehicle|A convoy|A tank} was {struck|hit|destroyed} by {a long-range missile|an anti-tank missile|an artillery round} near <place>{, <attr>|}.",
        "{Shelling|Artillery fire|Mortar fire|Rocket fire|Heavy shelling} {hit|struck|pounded|rained on} <place> <date>, killing <num> civilians{, <attr>|}.",
        "<Armed> fired {rockets|mortar rounds|artillery shells|missiles|Katyusha rockets|mortars} at <place> <date>{, <attr>|}.",
        "<State> {shelled|bombarded|pounded} <armed> positions around <place> with {artillery|heavy artillery|rockets|mortars|tank fire} <date>.",
        "{A rocket|A mortar shell|A missile|An artillery shell|A Grad rocket} {landed|slammed|crashed|exploded} {in|near|on} {a residential area|a school|a market|a house|a camp} in <place>, {killing|wounding} <num> people.",
        "<num> {rockets|mortar shells|projectiles|missiles} were fired {at|into|towards} <place> <date> from {territory held by|areas controlled by} <armed>{, <attr>|}.",
        "{Ballistic missiles|Cruise missiles|Surface-to-surface missiles} {fired|launched} by <armed> struck <place> <date>.",
        "{Cross-border shelling|Artillery duels|Cross-border firing|Mortar attacks} along the {border|front line|Line of Control} near <place> {killed|wounded} <num> people <date>.",
        "{Rockets|Mortars|Shells} {hit|struck|targeted} {the airport|the military airbase|the Green Zone|the embassy compound|an army base} in <place> <date>{, <attr>|}.",
        "<Armed> {launched|fired} a {barrage|salvo|volley} of {rockets|missiles|shells} {at|on} <place>{, <attr>|}.",
        "Residents of <place> said the town came under {heavy|intense|indiscriminate|sustained} {shelling|artillery fire|bombardment} <date>, damaging <num> homes.",
        "{Tanks|Howitzers|Artillery units} {opened fire on|shelled|fired on} villages near <place> <date>{, <attr>|}.",
    ],
    "follow": [
        "Several shells landed near a hospital.",
        "The shelling damaged houses and a water station, <attr>.",
        "No group claimed responsibility for the rocket fire.",
        "Residents took shelter in basements as the bombardment continued.",
    ],
}

T["Remote explosive/landmine/IED"] = {
    "main": [
        "<Armed> {detonated|set off|exploded} {two bombs|a bomb|explosives|an improvised explosive device} {along|on|near} {a highway|a road|a bridge|the residence of a local official} in <place> <date>, {injuring|killing} <num>.",
        "<num> {soldiers|civilians|people} were killed in a {landmine attack|mine blast|bomb attack|roadside bombing} by <armed> in <place>{, <attr>|}.",
        "{Landmines|Mines|Explosive devices} planted by <armed> {killed|maimed|wounded} <num> {civilians|children|farmers} in <place> <date}.",
        "A {roadside bomb|roadside explosive|improvised explosive device|IED|landmine|car bomb|magnetic bomb|sticky bomb} {exploded|went off|detonated|struck} {near|in|on the outskirts of} <place> <date>, killing <num> people{, <attr>|}.",
        "<num> {soldiers|policemen|civilians|passengers|children} were killed when their {vehicle|bus|minibus|patrol vehicle|car|truck} {hit|struck|drove over|ran over} a {landmine|roadside bomb|mine|buried explosive device} in <place>.",
        "A {bomb|explosive device|parcel bomb|motorcycle bomb|bicycle bomb|bomb planted in a rickshaw} {exploded|ripped through|went off} {at|in} {a market|a bus station|a crowded street|a mosque|a restaurant|a shop} in <place> <date>{, <attr>|}.",
        "{An explosion|A blast|A powerful explosion|A loud blast} {rocked|hit|shook} <place> <date>, {killing|wounding} <num> people; the cause was not immediately known.",
        "A {car bomb|vehicle packed with explosives|parked car bomb|truck bomb} {exploded|detonated} {outside|near} {a government building|a police station|a hotel|an army checkpoint} in <place>{, <attr>|}.",
        "<Armed> detonated {a roadside bomb|an IED|explosives} as {a military convoy|a police vehicle|an army patrol} passed through <place> <date>.",
        "{A child|A shepherd|A farmer|Two children} {was|were} killed by {a landmine|an unexploded mine|leftover ordnance|a mine left by the fighting} while {herding goats|playing|working in the fields} near <place>.",
        "{A bomb|An explosive device} attached to {a car|a vehicle|a motorcycle} {exploded|went off} in <place>, killing {a local official|a police officer|a judge|<civ1>}{, <attr>|}.",
        "{Twin blasts|Two explosions|A series of blasts|Multiple bomb explosions} {hit|struck|rocked} <place> <date>, {killing|wounding} <num> people.",
        "{An IED|A remotely detonated bomb|A remote-controlled bomb} {targeted|hit|struck} {a security convoy|a bus carrying soldiers|a police patrol|an army vehicle} in <place> <date>{, <attr>|}.",
        "<num> people were wounded in a {bomb blast|bombing|bomb attack|explosion} at {a bus stop|a football match|a wedding|a tea shop} in <place>.",
    ],
    "follow": [
        "No group immediately claimed responsibility for the bombing.",
        "The device had been hidden {in a drain|under a bridge|in a parked car|by the roadside}, <attr>.",
        "Security forces cordoned off the area after the blast.",
        "The explosion left a crater in the road.",
    ],
}

T["Suicide bomb"] = {
    "main": [
        "{Two|Three|Four} {female|teenage|} {suicide bombers|bombers} {blew themselves up|went off|detonated their explosives} near {a bus station|a market|a mosque|a camp} in <place> <date>, killing <num> people.",
        "{Militants|Attackers|Gunmen} {stormed|attacked} {a police training centre|a hotel|a government building} in <place} and {detonated explosive vests|blew themselves up|set off their suicide vests}, killing <num>{, <attr>|}.",
        "{Two|Three} militants {detonated explosives|blew themselves up}, killing themselves, {after police surrounded them|when troops approached|during a police raid} in <place>.",
        "A suicide bomber {blew himself up|detonated his explosives|struck} {at|outside|inside|near} {a mosque|a market|a police station|an army base|a wedding hall|a crowded square|a checkpoint} in <place> <date>, killing <num> people{, <attr>|}.",
        "A {suicide car bomb|suicide truck bomb|suicide attack|suicide bombing} {hit|targeted|struck} {a military convoy|an army base|a government compound|a hotel|security forces} in <place> <date>.",
        "<num> people were killed when a {bomber|female suicide bomber|teenage suicide bomber|suicide attacker} wearing an explosive {vest|belt} {detonated|triggered} it {among|in the middle of|near} {worshippers|shoppers|mourners|a crowd|recruits}.",
        "<Armed> claimed a suicide {attack|bombing} {in|on} <place> <date>, {in which|that} <num> {soldiers|policemen|civilians} were killed.",
        "An attacker {drove|rammed} {a vehicle packed with explosives|an explosives-laden car|a truck laden with explosives} into {the gate of a military base|a checkpoint|a police compound|a hotel} in <place> and {blew it up|detonated it}{, <attr>|}.",
        "{Two|Three|Twin|Multiple} suicide bombers {attacked|struck|blew themselves up at} {a market|a mosque|a church|a camp for displaced people|a bus station} in <place> <date>.",
        "A {suicide bomber|would-be suicide bomber|suicide attacker} on a motorcycle {rammed|drove into} {a patrol|a convoy|a group of soldiers} in <place>, killing <num>{, <attr>|}.",
        "{At least|More than} <num> {recruits|police cadets|worshippers|students} died after a suicide {blast|explosion|bombing} {tore through|hit} {a training centre|a mosque|a school|a gathering} in <place>.",
    ],
    "follow": [
        "The attacker was killed in the blast.",
        "Police said the bomber was {a teenager|a young man|a woman} wearing a vest packed with ball bearings.",
        "<Armed> claimed responsibility through its news agency.",
        "It was the deadliest suicide attack in the city this year.",
    ],
}

T["Grenade"] = {
    "main": [
        "{Militants|Suspected militants|Unknown attackers|Gunmen|Men on a motorcycle} {hurled|lobbed|threw|tossed} a {grenade|hand grenade} at {a police station|a security patrol|a market|a shop|a bus stand|a police vehicle|a CRPF bunker} in <place> <date>, {injuring|wounding} <num> people{, <attr>|}.",
        "A {grenade attack|hand grenade attack|grenade blast|grenade explosion} {on|at|near} {a police post|an army camp|a busy market|a bus stand|a bar|a church} in <place> {injured|wounded|killed} <num> people <date>.",
        "<num> people were injured when a grenade {exploded|went off} {in|at|near} {a crowded market|a bus terminal|a wedding|a political rally|a restaurant} in <place>{, <attr>|}.",
        "{Attackers|Assailants|Unidentified persons} {hurled|threw} {two|three|several} grenades {into|at} {a house|a mosque|a police station|the residence of a politician|a security post} in <place> <date>.",
        "A grenade {lobbed|thrown|hurled} at {security forces|a CRPF patrol|a police party|soldiers} in <place> {missed its target|exploded on the roadside}, {wounding|injuring} <num> {passers-by|civilians|pedestrians}.",
        "{Militants|Terrorists|Unknown persons} {attacked|targeted} {a security forces camp|a police station|a bank} with grenades in <place> <date>{, <attr>|}.",
        "{A hand grenade|A grenade} thrown from a {motorbike|passing car|rooftop} {exploded|went off} {outside|near} {a shop|a bar|a police post} in <place>, {injuring|wounding} <num>.",
    ],
    "follow": [
        "The attackers fled after lobbing the grenade.",
        "The injured were taken to hospital, <attr>.",
        "The grenade exploded on the road, damaging nearby vehicles.",
        "Security forces launched a search operation to trace the attackers.",
    ],
}

T["Chemical weapon"] = {
    "main": [
        "<Armed> fired {mortar rounds|rockets|shells} containing {poisonous gases|toxic chemicals|chlorine} {at|on} {soldiers|fighters|<state>} in <place>, and many {suffered} {breathing difficulties|burns}.",
        "{Government forces|The regime|<Armed>|Militants} {used|were accused of using|dropped} {chlorine gas|sarin|mustard gas|poison gas|toxic gas|a nerve agent|chemical weapons} {on|in|against} <place> <date>{, <attr>|}.",
        "<num> people {showed symptoms of|were treated for} {chemical exposure|suffocation|gas poisoning|exposure to a toxic agent} after {a suspected chemical attack|a gas attack|a chlorine attack} on <place>.",
        "{Inspectors|The OPCW|The chemical weapons watchdog|Investigators} {concluded|found|confirmed} that {chlorine|sarin|a toxic chemical|mustard agent} {was|had been} used as a weapon in <place> <date>.",
        "{A suspected chemical attack|A poison gas attack|A chlorine gas attack|A toxic gas attack} {on|in} <place> killed <num> people{, <attr>|}.",
        "{Doctors|Medics|Rescue workers} said {patients|victims|children} {were choking|had foam around the mouth|struggled to breathe} after {shells|barrel bombs|rockets|munitions} {containing|filled with|releasing} {toxic gas|chlorine|a chemical agent} {hit|struck|landed in} <place>.",
        "{Militants|Insurgents|<Armed>} fired {mortar shells|rockets} {filled with|carrying|laden with} {mustard agent|chlorine|a toxic substance|chemical agents} at <state> near <place>{, <attr>|}.",
        "{Samples|Blood samples|Soil samples} taken from <place> {tested positive for|showed traces of} {sarin|mustard gas|chlorine|a nerve agent}, confirming {a chemical weapons attack|the use of chemical weapons}.",
    ],
    "follow": [
        "The government denied using chemical weapons.",
        "Victims were treated for breathing difficulties, <attr>.",
        "The attack drew international condemnation.",
        "An investigation into the use of banned weapons was opened.",
    ],
}

T["Attack"] = {
    "main": [
        "{Bandits|Gunmen|Militants} have killed <num> people in {separate attacks|a series of attacks|attacks} on {villages|communities|farms} in <prov}, {officials said} <date>.",
        "{A gunman|Two gunmen|Gunmen} opened fire {inside|at} {a mosque|a church|a school|a hospital|a nightclub|a shopping mall} in <ptown> <date>, killing <num> people{, <attr>|}.",
        "{Armed men|Gunmen|Militants} attacked {a hotel|a bank|a government office} in <ptown> <date>, killing <num> {guards|people|staff}{, <attr>|}.",
        "<Armed> {executed|publicly executed} {two men|a woman|<num> villagers} {accused of|for} {spying|collaborating with the government} in <place>.",
        "<Gunmen> {killed|shot dead|gunned down|murdered} <num> <civs> in <place> <date>{, <attr>|}.",
        "<Gunmen> {attacked|raided|stormed} {a village|a church|a mosque|a market|a bus|a farm|a camp for displaced people|a wedding party} in <place> <date>, killing <num> <civs>.",
        "<Civ1> was {shot dead|gunned down|killed|assassinated} by <gunmen> {outside his home|on his way to work|at a market|near a mosque} in <place> <date>.",
        "<Armed> {massacred|executed|killed} <num> <civs> {in|near} <place>, {accusing them of|suspecting them of} {collaborating with the army|spying for the government|supporting rivals}.",
        "<num> <civs> were {killed|hacked to death|shot|beheaded|burnt alive} when <gunmen> {raided|attacked|swept through} {their village|the settlement|their homes} in <place> <date>{, <attr>|}.",
        "{Soldiers|Security forces|Troops|Police officers} {opened fire on|shot at|fired on} {unarmed civilians|a car carrying a family|villagers|a minibus} at a checkpoint in <place>, killing <num>{, <attr>|}.",
        "<Gunmen> {opened fire on|sprayed bullets at|shot at} {worshippers|passengers|shoppers|a crowd|a group of farmers|diners} in <place> <date>, {killing|wounding} <num>.",
        "<Militia> {attacked|raided} {a village|villages|a settlement} in <place>, {killing|injuring} <num> <civs> and {torching homes|burning houses|displacing hundreds}.",
        "{The body of|The bodies of} <num> <civs> {abducted earlier|who had been seized} were found {with gunshot wounds|beheaded|with signs of torture} in <place> <date>{, <attr>|}.",
        "<Civ1> was {stabbed|beaten|tortured|beaten to death} by {soldiers|militiamen|members of a militia|security agents|ruling party youths} in <place> <date>.",
        "{Members of|Fighters from} <armed> {beat|flogged|whipped|tortured} <civs> in <place> {for|after} {violating their rules|refusing to pay taxes|listening to music}{, <attr>|}.",
        "{Herdsmen|Armed herders|Bandits|Gunmen} {attacked|invaded} <place> {at night|overnight|in the early hours}, killing <num> {villagers|farmers|residents}.",
        "<Gunmen> {targeted|killed|shot} {a journalist|an election official|a polio vaccinator|a human rights defender|a judge|a district official} in <place> <date>{, <attr>|}.",
        "{A massacre|A killing spree|A targeted killing|An attack on civilians} in <place> left <num> <civs> dead <date>.",
    ],
    "follow": [
        "The attackers fled before security forces arrived.",
        "The victims were unarmed, <attr>.",
        "Survivors said the gunmen went from house to house.",
        "Hundreds of residents fled the village after the killings.",
        "No group claimed responsibility for the killings.",
    ],
}

T["Sexual violence"] = {
    "main": [
        "{A man|Three men|A soldier|A militiaman} {molested|sexually harassed|assaulted} {a woman|a girl|a female student} {in|near} <place> <date>{, <attr>|}.",
        "{Human Rights Watch|Amnesty International|A UN report|A rights group} said {security forces|soldiers|police|militiamen} {raped|sexually assaulted} {women|civilians|detainees} during {the crackdown|operations} in <pcountry>.",
        "{Soldiers|Militiamen|Gunmen|Members of <armed>|Fighters|Security forces|Police officers} {raped|sexually assaulted|gang-raped} <num> {women|girls|women and girls|displaced women} in <place> <date>{, <attr>|}.",
        "<num> women were {raped|sexually assaulted|subjected to sexual violence} by {armed men|soldiers|militiamen|fighters} {in|near} <place>, {a UN report said|rights groups said|<attr>}.",
        "{A woman|A teenage girl|A displaced woman|A female activist} was {raped|gang-raped|sexually abused} by {soldiers|members of a militia|police officers|armed men} {at a checkpoint|in detention|in her home|while collecting firewood} in <place>.",
        "{Human rights groups|UN investigators|Aid workers|Doctors} documented {cases of rape|sexual violence|mass rapes|sexual slavery} by <armed> in <place>{, <attr>|}.",
        "{Detainees|Female detainees|Prisoners} said they were {sexually abused|raped|subjected to sexual violence} by {guards|interrogators|security agents} at a {detention centre|prison|military camp} in <place>.",
        "{Fighters|Militants|Soldiers} {abducted and raped|sexually enslaved|raped} {women|girls|schoolgirls} {during an attack on|after overrunning|after storming} <place>{, <attr>|}.",
        "<num> {women|girls} {were raped|were sexually assaulted} during {a raid|an attack|a military operation} on <place> <date>{, <attr>|}.",
    ],
    "follow": [
        "The victims were treated at a local clinic.",
        "The army said it would investigate the allegations.",
        "Rape has been used as a weapon of war in the region, <attr>.",
        "Survivors said they were too afraid to report the abuse.",
    ],
}

T["Abduction/forced disappearance"] = {
    "main": [
        "{Three|Two|Several} opposition {activists|leaders} {have been abducted|were seized by masked men} in <ptown>{, <attr>|}.",
        "<Gunmen> {abducted|kidnapped|seized} <num> <civs> {from|in|near} <place> <date>{, <attr>|}.",
        "<Armed> {kidnapped|abducted|took hostage} {a group of|<num>} {aid workers|students|schoolgirls|passengers|workers|foreign engineers|villagers} in <place> <date>.",
        "<Civ1> was {kidnapped|abducted|taken|seized} by <gunmen> {from his home|on the road|outside a mosque|at a checkpoint} in <place> <date>{, <attr>|}.",
        "<num> {students|schoolchildren|pupils|worshippers|travellers} were {abducted|kidnapped|taken away} when <gunmen> {stormed|raided|attacked} {a school|a church|a village|a highway} in <place>.",
        "{The family of|Relatives of|Colleagues of} <civ1> said he had been {taken away|detained|abducted} by {men in plain clothes|security agents|masked men|intelligence officers} and {his whereabouts remain unknown|has not been seen since|has disappeared}{, <attr>|}.",
        "{Rights groups|Activists|The UN} {accused|said} {security forces|the authorities|intelligence agents} {of forcibly disappearing|had forcibly disappeared} <num> {activists|critics|students|journalists} in <place>.",
        "<Armed> {are holding|took|seized} <num> {hostages|people hostage|truck drivers} {after attacking|after ambushing|after stopping} {a convoy|a bus|their vehicles} near <place>{, <attr>|}.",
        "<Gunmen> {demanded a ransom|are demanding a ransom} for the release of <num> {villagers|passengers|farmers} {kidnapped|abducted|seized} in <place> <date>.",
    ],
    "follow": [
        "The kidnappers have demanded a ransom, <attr>.",
        "Security forces launched a search for the abducted people.",
        "Relatives said they had received no word about their fate.",
        "Kidnappings for ransom have become frequent in the area.",
    ],
}

T["Peaceful protest"] = {
    "main": [
        "<Protesters> {staged|held} a sit-in at {parliament|the ministry|the city hall} in <ptown> <date> <cause>.",
        "{Demonstrations|Protests|Rallies} {were held|took place} outside {the courthouse|the prison} in <ptown> over the {detention|deportation|arrest|sentencing} of {an activist|a migrant|a journalist|a union leader}.",
        "<Big> people {rallied|marched} in <ptown> in {the largest protest|the biggest demonstration} since {the election|the start of the year}, {demanding|calling for} {the removal of officials|reforms|new elections}.",
        "<Big> <protesters> {marched|rallied|demonstrated|gathered|took to the streets} in <ptown> <date> <cause>{, <attr>|}.",
        "<Protesters> {held|staged|organised} a {peaceful|silent|candlelight|sit-in} {protest|demonstration|rally|march|vigil} {outside|in front of} {parliament|the presidential palace|the governor's office|the ministry of labour|the court|the embassy} in <ptown> <cause>.",
        "<Big> people {gathered|rallied|assembled} in {the main square|the city centre|front of the town hall} of <ptown> <cause>, {chanting slogans|waving flags|carrying placards|holding banners}.",
        "<Protesters> {went on strike|staged a walkout|began a hunger strike|blocked a highway|held a sit-in} in <ptown> <date> <cause>{, <attr>|}.",
        "{Thousands|Hundreds|Crowds} {marched|rallied|took to the streets} across {<pcountry>|several cities|the country} <date> <cause>, in {a peaceful|a largely peaceful|an orderly} {demonstration|protest|march}.",
        "<Protesters> {formed a human chain|sat on the floor|held up signs|waved banners|beat pots and pans} in <ptown> <cause>; the {protest|rally|gathering} {ended peacefully|passed off peacefully|dispersed without incident}.",
        "{Opposition parties|Trade unions|Civil society groups|Student unions} {organised|led|held} {rallies|demonstrations|protests|a march} in <ptown> <date> <cause>.",
        "<Protesters> {demonstrated|protested|rallied} {outside|at} {the offices of the electoral commission|a police station|the state broadcaster|a mining company} in <ptown>, {demanding|calling for} {justice|accountability|the release of their leaders|a recount}{, <attr>|}.",
        "Police {watched|stood by|looked on|monitored the march} as <big> <protesters> {marched|rallied|demonstrated} in <ptown> <cause>, and no incidents were reported.",
        "{Residents|Villagers|Women|Relatives of detainees} {blocked a road|staged a protest|held a demonstration|protested} in <place> <date> <cause>.",
        "{A protest|A demonstration|A rally|A march} {against|over} {the government|rising prices|the new law|the election|the war} {drew|attracted} <big> people in <ptown> <date>.",
    ],
    "follow": [
        "The demonstrators dispersed peacefully in the evening.",
        "Organisers said the rally was the largest in years.",
        "There was a heavy police presence but no incidents were reported.",
        "Protesters chanted slogans and waved national flags.",
        "The protest was the latest in a series of demonstrations over the issue.",
    ],
}

T["Protest with intervention"] = {
    "main": [
        "<Police> {suppressed|halted|broke up|prevented} a {peaceful|student|May Day|women's} {demonstration|protest|march|rally} in <ptown> <date>, {dispersing the crowds|detaining participants|blocking the marchers}.",
        "<Protesters> were {pepper-sprayed|tear-gassed|hit with batons|pushed back} {after|while} {chanting slogans|marching|gathering} {outside|near} {a police station|the parliament|the central station} in <ptown>.",
        "<Police> used {smoke grenades|pepper balls|non-lethal rounds|tear gas canisters|water cannon} to disperse {crowds|protesters|demonstrators} {at|after} {peaceful rallies|a demonstration} in <ptown> <date>.",
        "<Police> arrested {more than <num>|<num>|dozens of} people as <protesters> {staged sit-ins|tried to block traffic|rallied} in <ptown> <cause>.",
        "<Police> {fired tear gas|used tear gas|fired water cannon|used water cannon|used batons} to disperse <protesters> in <ptown> <date> <cause>{, <attr>|}.",
        "<Police> {arrested|detained|rounded up} <num> <protesters> {during|at} a {protest|demonstration|rally|march} in <ptown> <cause>.",
        "<Police> {broke up|dispersed|blocked} a {protest|demonstration|rally|sit-in|march} by <protesters> in <ptown> <date>, {arresting|detaining} <num> people.",
        "<Big> <protesters> {were tear-gassed|were dispersed|were pushed back} by <police> as they {marched|tried to march|gathered} {towards|outside} {parliament|the presidential palace|the city centre} in <ptown> <cause>.",
        "<Police> {fired rubber bullets|fired stun grenades|used pepper spray|fired warning shots into the air} to {disperse|break up} {a crowd of|hundreds of} <protesters> in <ptown>{, <attr>|}.",
        "{Security forces|Police} {prevented|stopped|blocked} <protesters> from {reaching|marching to|gathering in} {the capital|the main square|the city centre} of <ptown> <date>, detaining {several|<num>} of them.",
        "<num> <protesters> were {arrested|detained|taken into custody} after <police> {raided|broke up|cleared} a {sit-in|protest camp|demonstration} in <ptown> <cause>.",
        "{A peaceful protest|A demonstration|A rally} in <ptown> <cause> was {broken up|dispersed|forcibly dispersed} by <police> using {tear gas|batons|water cannon}{, <attr>|}.",
        "<Police> {scuffled with|pushed back|charged} <protesters> {outside|near} {the court|the ministry|the parliament building} in <ptown> and {detained|arrested} {organisers|several people|<num> activists}.",
        "{Protesters|Demonstrators|Activists} said <police> {beat|hit} them with batons and {dragged away|detained|bundled into vans} <num> people at a {rally|protest} in <ptown>.",
    ],
    "follow": [
        "Several protesters were treated for the effects of tear gas.",
        "Those detained were later released, <attr>.",
        "The authorities said the gathering had not been authorised.",
        "Police said officers had acted to restore order.",
    ],
}

T["Excessive force against protesters"] = {
    "main": [
        "<Police> {violently dispersed|brutally broke up|cracked down on} a {protest|demonstration|sit-in} in <ptown> <date>, {injuring dozens|leaving <num> people seriously injured|killing <num>}{, <attr>|}.",
        "{Three|Two|Several|<num>} people {died|were killed} in a {protest crackdown|crackdown on demonstrators|crackdown on protests} in <ptown> <cause>.",
        "<Police> used {water cannon, tear gas and rubber bullets|live rounds and tear gas|batons and live fire} against <protesters> in <ptown>, {seriously injuring|killing|blinding} <num> {people|demonstrators}.",
        "<Police> {opened fire on|shot at|fired live rounds at|fired live ammunition at} <protesters> in <ptown> <date>, killing <num> {people|of them|protesters}{, <attr>|}.",
        "<num> <protesters> were {killed|shot dead|killed by gunfire} when <police> {fired on|opened fire on|used live ammunition against} a {peaceful|largely peaceful|} {protest|demonstration|rally|march} in <ptown> <cause>.",
        "{Security forces|Soldiers|Police} {killed|shot dead} <num> {unarmed protesters|demonstrators|peaceful demonstrators} {in|during} {protests|a crackdown on protests|demonstrations} in <ptown> <date>.",
        "{A protester|A student|A teenage demonstrator|A young man taking part in the march} was {shot dead|killed|fatally shot} by <police> during {a protest|a demonstration|a rally} in <ptown> <cause>{, <attr>|}.",
        "<Police> {beat|severely beat|brutally beat|clubbed} <protesters> in <ptown>, {leaving|sending} <num> {seriously injured|in hospital with fractures|in critical condition}{, <attr>|}.",
        "{Rights groups|Amnesty International|Doctors|Medics} said <police> {used lethal force|fired live bullets|used excessive force} against {peaceful|unarmed} <protesters> in <ptown>, killing <num>.",
        "{Snipers|Gunmen in uniform|Plainclothes security agents} {fired on|shot into} a crowd of <protesters> in <ptown> <date>, killing <num>{, <attr>|}.",
        "<num> people died and dozens were wounded when <police> {used live fire|fired live ammunition} to {break up|disperse|crush} {a sit-in|a protest|demonstrations} in <ptown>.",
    ],
    "follow": [
        "Witnesses said the protesters were unarmed.",
        "Hospitals reported dozens of people with gunshot wounds, <attr>.",
        "The government said it would investigate the deaths.",
        "The killings sparked international condemnation.",
    ],
}

T["Violent demonstration"] = {
    "main": [
        "<Protesters> clashed with <police> {during|at} {a rally|an opposition rally|a march|a protest} in <ptown> <date>{, <attr>|}.",
        "{Dozens of|Several|<num>} {arrests were made|people were arrested|officers were injured} {during|at} a {demonstration|protest|march} in <ptown> after {projectiles|bottles|stones|fireworks} were thrown at police.",
        "<num> <protesters> were killed {during|in} {anti-government demonstrations and clashes|clashes between protesters and security forces|riots} in <ptown>{, <attr>|}.",
        "{Protests|Demonstrations|The march} in <ptown> turned violent {as|when} <protesters> {scuffled with|fought|attacked} <police>, and {a demonstrator|an officer} was injured.",
        "<Protesters> {defied a police ban|ignored a ban} to {take to the streets|march} in <ptown>, {blocking roads|barricading streets} and {clashing with police|throwing stones at officers|setting fires}.",
        "<Protesters> {threw stones|hurled rocks|threw petrol bombs|threw Molotov cocktails|pelted stones} at <police> in <ptown> <date> <cause>{, <attr>|}.",
        "<Protesters> {set fire to|torched|burned} {vehicles|a police station|government buildings|tyres and cars|a bank|the offices of the ruling party} in <ptown> <cause>.",
        "{Rioters|Protesters|Angry demonstrators} {clashed with|fought|battled} <police> in <ptown> <date>, {smashing|vandalising|damaging} {shop windows|banks|bus stops|cars}{, <attr>|}.",
        "{Protests|Demonstrations|Rallies} <cause> turned violent in <ptown> <date> as <protesters> {attacked|stormed|ransacked} {a police station|the governor's office|the town hall|government offices}.",
        "<Protesters> {blocked roads with burning tyres|erected barricades and burned tyres|vandalised public property|smashed windows} in <ptown> <cause>, and <num> officers were injured{, <attr>|}.",
        "{Riots|Rioting|Violent protests|Unrest} broke out in <ptown> <date> <cause>, with {demonstrators|youths|protesters} {throwing stones|setting cars ablaze|looting shops|attacking police}.",
        "<Protesters> {stormed|broke into|forced their way into} {parliament|the legislative council|a police compound|the embassy} in <ptown>, {vandalising|smashing|damaging} {furniture|offices|property}.",
        "<num> police officers were injured when <protesters> {attacked them with|threw} {stones|bricks|bottles|fireworks|iron bars} during a {rally|march|protest} in <ptown> <cause>.",
        "{Youths|Young men|Protesters|Supporters of the opposition} {burned|set alight} {tyres|a bus|police vehicles|a government vehicle} and {clashed with|threw stones at} <police> in <ptown> <cause>{, <attr>|}.",
    ],
    "follow": [
        "Police responded with tear gas and rubber bullets.",
        "Shops were damaged and several vehicles burned, <attr>.",
        "Dozens of people were arrested after the unrest.",
        "The authorities imposed a curfew after the violence.",
    ],
}

T["Mob violence"] = {
    "main": [
        "{Rival groups of protesters|Counter-protesters and demonstrators|Opposing rallies|Supporters of rival candidates} {fought each other|clashed|battled} with {sticks|rocks|bats} in <ptown> <date>.",
        "{Groups of youths|A crowd} {ransacked|broke into} {shops|supermarkets} in <ptown> after {a rumour spread|a local dispute}, beating {shopkeepers|traders}.",
        "{An angry mob|A mob|A crowd of villagers|A group of residents|Vigilantes} {lynched|beat to death|burned alive|stoned to death} {a man|two men|a suspected thief|a suspected witch|a man accused of blasphemy|a cattle trader} in <place> <date>{, <attr>|}.",
        "{A mob|Hundreds of people|A crowd} {attacked|set fire to|torched|ransacked} {the homes of|shops belonging to|a mosque used by|a church attended by} {a minority community|Muslims|Christians|migrants|members of a rival clan} in <place>.",
        "{Communal|Sectarian|Ethnic|Inter-communal} {violence|clashes|fighting} {broke out|erupted} between {two villages|rival communities|Hindus and Muslims|herders and farmers|rival clans} in <place> <date>, {killing|leaving} <num> {people|dead}{, <attr>|}.",
        "{Residents|Villagers|A crowd} {beat|attacked|assaulted} {a suspected kidnapper|two alleged thieves|a police officer|health workers|a suspected child trafficker} in <place>, {leaving him dead|killing them|injuring them seriously}.",
        "{A mob|Angry residents|Rioters} {attacked|stormed|burned} {a police station|a hospital|the home of a local official} in <place> after {rumours spread|a man died in custody|a road accident}{, <attr>|}.",
        "{Supporters of rival parties|Rival political supporters|Party youths} {clashed|fought with machetes and sticks|attacked each other} in <place> <date>, injuring <num> people.",
        "{Youths|A group of men|A crowd} armed with {sticks|machetes|clubs|stones} {attacked|beat|chased} {migrants|foreign traders|journalists|a wedding party} in <place> <date>.",
        "{A mob|Vigilantes|Cow vigilantes|A crowd} {dragged|pulled} {a man|two men|a suspect} from {a police station|a vehicle|his home} and {beat him to death|lynched him|set him on fire} in <place>{, <attr>|}.",
    ],
    "follow": [
        "Police arrived too late to stop the attack.",
        "The victim died on the way to hospital, <attr>.",
        "Officials appealed for calm and deployed extra police.",
        "Several houses were burned in the violence.",
    ],
}

T["Agreement"] = {
    "main": [
        "{The government|<State>} and <armed> {started|began|opened|resumed} peace talks {in|hosted by} {Doha|Oslo|Geneva|Addis Ababa} <date>.",
        "<State> and <armed> {agreed to|signed|reached} a {ceasefire|truce|peace deal|peace agreement|humanitarian truce} <date>{, <attr>|}.",
        "The {warring parties|two sides|government and the rebels|rival factions} {signed|concluded|agreed} a {peace accord|peace agreement|ceasefire deal|power-sharing deal} in {Doha|Geneva|Addis Ababa|Juba|Riyadh|Nairobi|Astana} <date>.",
        "<Armed> and the government {exchanged|swapped|released} <num> prisoners {under|as part of} a {deal|prisoner swap|prisoner exchange|UN-brokered agreement} <date>.",
        "A {ceasefire|truce|cessation of hostilities} {brokered|mediated} by {the UN|Qatar|Russia and Turkey|the African Union|regional leaders} {took effect|came into force|began} in <place> <date>{, <attr>|}.",
        "{Negotiators|Delegations|Representatives} for <state> and <armed> {reached|struck|signed} an agreement on {the withdrawal of fighters|a prisoner exchange|a local ceasefire|the reopening of roads|humanitarian access} in <place>.",
        "{Tribal elders|Local leaders|Community leaders} {brokered|negotiated} a {truce|peace deal|reconciliation agreement} between {rival clans|two communities|herders and farmers} in <place> <date>.",
        "<Armed> {agreed to|accepted} a {ceasefire|truce|peace plan|deal} with <state> {to allow|allowing} {aid deliveries|the evacuation of civilians|the exchange of bodies}{, <attr>|}.",
        "{Both sides|The government and the rebels|The rival parties} {agreed|signed an agreement} to {end hostilities|halt fighting|lay down their weapons|disarm fighters} {in|across} <prov> <date>.",
    ],
    "follow": [
        "The deal is expected to be followed by talks on a political settlement.",
        "Previous truces have collapsed within days, <attr>.",
        "Monitors will oversee the implementation of the agreement.",
        "The agreement was welcomed by the UN Secretary-General.",
    ],
}

T["Arrests"] = {
    "main": [
        "<State> {took|detained|rounded up|seized} {dozens of|<num>} {young men|villagers|activists|suspects} in {a series of raids|overnight raids|house-to-house searches} across <place>{, <attr>|}.",
        "{Security forces|Police|The authorities} {have jailed|detained|arrested} {more than <num>|<num>|dozens of} {suspected terrorists|militants|people} {accused of planning attacks} in <prov>.",
        "{An opposition activist|A government critic|A journalist|A human rights lawyer} {has been|was} {detained|arrested} in <ptown> {ahead of|after|before} {the referendum|the election|a planned protest} <date>{, <attr>|}.",
        "<State> arrested <num> {suspected militants|members of <armed>|suspected insurgents|alleged rebel collaborators|suspected jihadists} in <place> <date>{, <attr>|}.",
        "{Police|Security forces|Intelligence agents|The authorities} {detained|arrested|rounded up} {opposition leader|prominent activist|the journalist|former minister|the party's secretary general} {Ahmed Musa|Ana Lopez|Ibrahim Diallo|Nguyen Van Minh|Tariq Khan|Maria Santos} in <ptown> <date>.",
        "{A militant commander|A senior <armed> commander|A suspected bomb maker|A key facilitator} was {arrested|captured|detained|taken into custody} {in a raid|in an operation|at a checkpoint} in <place>{, <attr>|}.",
        "{Authorities|Police|The government} {arrested|detained} <num> {opposition politicians|activists|journalists|trade union leaders|students|bloggers} {accused of|on charges of|for} {plotting a coup|inciting unrest|terrorism|sedition|insulting the president}.",
        "{Troops|Soldiers|Police|Special forces} {raided|searched} {a house|a hideout|a compound|a village} in <place> and {detained|arrested|apprehended} <num> {suspects|men|people} {linked to|believed to belong to} <armed>.",
        "<num> {people|suspects|men} were {detained|arrested|taken into custody} over {links to|alleged support for|suspected ties with} <armed> in <place> <date>{, <attr>|}.",
        "{The military|Security forces|The police} announced the {arrest|capture|detention} of <num> {insurgents|militants|suspected members of <armed>} during {a security sweep|a cordon-and-search operation|raids} in <place>.",
        "{The former prime minister|The opposition leader|The mayor|A rebel spokesman|The governor} was {arrested|detained} {at his home|at the airport|at his office} in <ptown> <date> {by security agents|by soldiers|by police}{, <attr>|}.",
    ],
    "follow": [
        "The suspects were taken to an undisclosed location for questioning.",
        "Police said the detainees would be charged under anti-terrorism laws.",
        "Rights groups condemned the detentions, <attr>.",
        "Weapons and documents were also found during the operation.",
    ],
}

T["Disrupted weapons use"] = {
    "main": [
        "{Police|Officers|Soldiers|Security forces|The anti-terrorism squad} {seized|recovered|confiscated} <num> {pistols|rifles|AK-47 rifles|revolvers|guns|hand grenades|kilograms of explosives} and {hundreds of|<num>|about 1,000} {live rounds|rounds of ammunition|bullets|cartridges|magazines} {in|from a house in|during a raid in} <place> <date>{, <attr>|}.",
        "<num> {pistols|rifles|firearms|guns|rocket launchers|grenades} and {ammunition|live cartridges|bullets} were {seized|recovered|found|captured|discovered} {in|near|during a search in} <place>{, <attr>|}.",
        "{Illegal weapons|Firearms|A consignment of arms|Explosives and detonators} {were discovered|were found|were recovered} {during a search of|in} {a vehicle|a bus|a house|a warehouse} {in|on the road to} <place> <date}.",
        "{Troops|Army engineers|Sappers|Deminers} {defused|removed|cleared} {hundreds of|dozens of|<num>} {landmines|mines|explosive devices} {planted by|left by} <armed> in <place>{, <attr>|}.",
        "{Two|Three|Several} {militants|terrorists|bomb makers} were killed when {the explosives they were handling|their device|their bomb} {exploded accidentally|went off prematurely|accidentally detonated} {in|near} <place>.",
        "{Bomb disposal experts|Security forces|Police|Army engineers|A bomb squad} {defused|disarmed|deactivated|safely detonated} {a roadside bomb|an IED|an improvised explosive device|a car bomb|explosives|a landmine} in <place> <date>{, <attr>|}.",
        "{Air defences|Air defence systems|The military|The coalition} {intercepted|shot down|downed|destroyed} {a drone|a ballistic missile|rockets|missiles|an explosive-laden drone} {fired|launched} by <armed> {towards|over|at} <place> <date>.",
        "<State> {seized|recovered|discovered|found|confiscated|uncovered} {a cache of|a large cache of|a haul of|a stockpile of} {weapons|arms and ammunition|explosives|rifles and grenades|bomb-making materials|mortar shells} in <place>{, <attr>|}.",
        "{Security forces|Police|Soldiers} {foiled|thwarted|prevented|averted} a {bomb attack|suicide bombing|planned attack|terror plot|bombing} in <place> <date>, {arresting|shooting} the {would-be bomber|suspect|attackers}.",
        "{An arms cache|A weapons depot|A hideout containing explosives|An arms dump} belonging to <armed> was {discovered|found|seized|destroyed} by <state> near <place> <date>.",
        "<num> {IEDs|landmines|explosive devices|mines|roadside bombs} were {found and defused|cleared|removed|neutralised} by {deminers|troops|the army} {along|on} {a highway|the main road|a route used by convoys} near <place>{, <attr>|}.",
        "{A bomb|An explosive device|A suspicious package} found {near|outside|in} {a school|a market|a mosque|a police station|a bus terminal} in <place> was {defused|made safe|disarmed} before it could explode.",
        "{Customs officers|Border guards|Soldiers|Navy personnel} {intercepted|seized} a {shipment|consignment|truck|boat} carrying {weapons|rifles|ammunition|rocket launchers|explosives} bound for <armed> near <place> <date>.",
        "<num> {rockets|missiles|drones} {launched|fired} at <place> <date> were {intercepted|shot down|destroyed in mid-air} by air defence systems{, <attr>|}.",
        "{A militant|A would-be bomber|A fighter} was killed when {the explosives he was carrying|a bomb he was planting|a device he was assembling} {exploded prematurely|went off prematurely|accidentally detonated} in <place>.",
    ],
    "follow": [
        "No one was hurt, <attr>.",
        "The device contained <num> kilograms of explosives.",
        "The seized weapons included rifles, grenades and ammunition.",
        "Debris from the interception fell in an open area.",
    ],
}

T["Headquarters or base established"] = {
    "main": [
        "<Armed> {set up|established|opened|built} a {new base|headquarters|training camp|command centre|military outpost} in <place> <date>{, <attr>|}.",
        "<State> {established|set up|built|opened} {a new military base|a forward operating base|new outposts|observation posts|a permanent base} {in|near} <place> {after|following} {the offensive|recent attacks|the withdrawal}.",
        "{Turkish|Russian|US|French|Iranian|Foreign} troops {set up|established|built} {a new base|an observation post|a military post|a logistics hub} near <place> <date>.",
        "<Armed> {moved their headquarters to|established their headquarters in|relocated their command centre to|set up a stronghold in} <place>{, <attr>|}.",
        "{Satellite images show|Residents said|Officials said} <armed> {had built|were building|had established} {a camp|a training base|fortified positions|a base} {in|near} <place>.",
        "{The army|Security forces|The government} {opened|inaugurated|established} a {new military base|police headquarters|army garrison|battalion headquarters} in <place> to {counter|fight|tackle} <armed>.",
        "{Militia|Fighters|Rebels} {took up positions|set up camp|established a base} {in|inside} {a school|an abandoned factory|a hospital|government buildings} in <place>{, <attr>|}.",
    ],
    "follow": [
        "The base will house several hundred troops.",
        "Residents said fighters had been moving equipment into the compound, <attr>.",
        "The new post overlooks a key supply route.",
        "Officials said the facility would be used for training.",
    ],
}

T["Looting/property destruction"] = {
    "main": [
        "{Dozens of|Several|More} {foreign-owned shops|shops|stores|homes} were {looted|burned|torched|ransacked} in <place> {overnight|<date>} {in a spate of violence|after unrest|},{ <attr>|}.",
        "{Unknown persons|Arsonists|Men} {torched|set fire to|burned} {a government vehicle|a polling station|a party office} in <ptown> <date>.",
        "<Armed> {stole|carted away|seized} {equipment from a factory|generators|machinery|solar panels} in <place>{, <attr>|}.",
        "{The destruction of|Attacks on|The burning of} {government property|public buildings|schools} {across|in} <place> {continued|was condemned|was reported} <date>.",
        "<Gunmen> {looted|ransacked|plundered|pillaged} {shops|homes|a health centre|an aid warehouse|the market|government offices} in <place> <date>{, <attr>|}.",
        "<Armed> {burned|torched|set fire to|razed|destroyed} {houses|a school|a health clinic|granaries|farms|a telecom mast} in <place>, but no casualties were reported.",
        "{Soldiers|Militiamen|Fighters|Troops} {demolished|bulldozed|destroyed|burned down} <num> {homes|houses|shops|buildings} in <place> <date>{, <attr>|}.",
        "<Armed> {stole|seized|confiscated|rustled|took} {cattle|livestock|vehicles|food aid|fuel|crops} from {villagers|farmers|residents} in <place>.",
        "{A school|A mosque|A church|A polling station|A court|A mobile phone mast|An aid warehouse} in <place> was {set on fire|burned|destroyed|vandalised} by <gunmen> <date>{, <attr>|}.",
        "{Humanitarian supplies|Food aid|Medical supplies|Warehouses of the World Food Programme} were {looted|stolen|seized} by {armed men|fighters|militiamen} in <place>.",
        "<Gunmen> {blew up|destroyed|sabotaged|damaged} {a bridge|an oil pipeline|a power line|an electricity pylon|a mobile phone tower|a water pumping station} near <place> <date>, {but no one was hurt|cutting supplies to the town}.",
        "{Looters|Armed men|Soldiers} {broke into|emptied|raided} {banks|shops|a hospital|homes} in <place> after {the fighting|the attack|the army left}{, <attr>|}.",
    ],
    "follow": [
        "Residents said the attackers carried away {food|livestock|everything of value}.",
        "No one was hurt, <attr>.",
        "Several villages were left in ruins.",
        "Aid agencies said their operations had been suspended.",
    ],
}

T["Change to group/activity"] = {
    "main": [
        "<num> {soldiers|fighters} {defected|deserted} to <armed> in <place> <date>.",
        "{A senior commander|A commander|Dozens of fighters} of <armed> {defected|switched sides} along with {his fighters|their weapons} in <place>{, <attr>|}.",
        "<State> {deployed|sent} {forces|troops|police reinforcements} to <ptown> {ahead of} {protests|demonstrations|unrest|the verdict}.",
        "<Armed> {announced|named|appointed|chose} a new {leader|commander|chief|emir|spokesman} <date> after the death of its {founder|former leader|previous chief}{, <attr>|}.",
        "{Several|Two|Rival|Three} {armed groups|rebel factions|militant groups|jihadist groups} {merged|announced a merger|joined forces|united} to form a new {coalition|alliance|group} in <prov>.",
        "<Armed> {split|splintered|broke into two factions} after {a dispute over leadership|disagreements over peace talks|a power struggle}{, <attr>|}.",
        "<State> {deployed|sent|moved|dispatched} {thousands of|<num> more|additional|extra} {troops|soldiers|tanks|reinforcements} to <place> <date>.",
        "<Armed> {began recruiting|launched a recruitment drive for|were recruiting} {young men|fighters|children|new members} in <place>{, <attr>|}.",
        "<num> {fighters|members|commanders} of <armed> {defected|surrendered|laid down their arms|switched sides} to the government in <place> <date>.",
        "{A new armed group|A new militia|A new rebel movement|A self-defence force} calling itself {the People's Liberation Front|the Patriotic Resistance|the Defence Council|the Army of the Free} {announced its formation|was formed|emerged} in <prov> <date>.",
        "<Armed> {announced|declared} {it would suspend|an end to|a change in} {attacks|its armed struggle|operations|its alliance with rival groups}{, <attr>|}.",
        "{A convoy of|Columns of|Dozens of} {military vehicles|tanks|armoured vehicles|troop carriers} {were seen moving|moved|arrived} {towards|into|near} <place> <date> as <state> {reinforced|strengthened|built up} their positions.",
        "<State> {held|conducted|staged} {military drills|military exercises|live-fire exercises|war games} near <place> <date>{, <attr>|}.",
        "{The army|The government|The defence ministry} {disbanded|dissolved|restructured|reorganised} {a militia|a paramilitary unit|the special forces unit|a brigade} {accused of abuses|based in <town>|operating in <prov>}.",
    ],
    "follow": [
        "Analysts said the move could strengthen the group.",
        "The reinforcements included armoured vehicles and artillery, <attr>.",
        "The new leader is a veteran commander.",
        "No fighting was reported.",
    ],
}

T["Other"] = {
    "main": [
        "{Thousands of|Hundreds of|<num> families|Tens of thousands of} {residents|civilians|people} {fled|were displaced from} <place> <date> {fearing|amid fears of|ahead of} {an offensive|fighting|an attack}{, <attr>|}.",
        "<Armed> {imposed|announced} a {curfew|blockade|siege|ban on travel} on <place> <date>.",
        "{Soldiers|Troops|Security forces} {discovered|found|uncovered} {a tunnel network|tunnels|a network of tunnels} used by <armed> {under|near} <place>{, <attr>|}.",
        "{A mass grave|Mass graves} containing <num> bodies {was|were} {discovered|found|uncovered} in <place> <date>{, <attr>|}.",
        "<Armed> {released|freed} <num> {hostages|captives|prisoners} in <place> <date> {after months in captivity|after negotiations|as a goodwill gesture}.",
        "<Armed> {imposed taxes|began collecting taxes|set up a court|began enforcing its rules} in <place>{, <attr>|}.",
        "{An army helicopter|A military plane|A drone} {crashed|came down|was lost} near <place> <date>, {killing|injuring} <num> {soldiers|crew members}, in what officials called {a technical failure|an accident}.",
        "{A soldier|A police officer|A guard} {shot|killed} <num> {colleagues|fellow soldiers|officers} at {a base|a barracks|a police station} in <place> <date> before {turning the gun on himself|being arrested}.",
    ],
    "follow": [
        "Aid agencies warned of a humanitarian crisis, <attr>.",
        "The circumstances were not immediately clear.",
        "Officials gave no further details.",
    ],
}

NONE_T: dict[str, list[str]] = {
    "disaster": [
        "{A tsunami|A volcanic eruption|A volcano eruption|An avalanche} {killed|left} <num> people {dead|} {in|near} <place> <date> {after|when} {it struck without warning|ash covered villages|waves hit the coast}.",
        "{Firefighters|Crews} {were battling|fought} {a wildfire|bushfires|a forest fire} {near|around} <ptown> <date>, and {hundreds of|thousands of} residents were {evacuated|told to leave}.",
        "{Two ships|A ferry and a cargo ship|Two fishing boats} collided off <ptown> <date>{, <attr>|}.",
        "{A tanker|A pipeline|An offshore rig} {leaked|spilled} {oil|crude|fuel} {into the sea|into a river|near the coast} off <ptown>, raising fears of environmental damage.",
        "{Children|Residents|Workers} were {poisoned|hospitalised} by {toxic fumes from a factory|contaminated water|a gas leak} in <ptown> <date>.",
        "{A chemical plant|A factory|A warehouse storing chemicals} {exploded|caught fire} in <ptown>, {and residents were evacuated|forcing the evacuation of nearby homes}.",
        "{Floods|Flash floods|Heavy floods|Monsoon floods} {killed|left} <num> people {dead|} in <place> <date> after {days of heavy rain|torrential rains|a river burst its banks}{, <attr>|}.",
        "{An earthquake|A powerful earthquake|A magnitude 6.4 earthquake|A strong quake} {struck|hit|shook} <place> <date>, {killing|injuring} <num> people and {destroying|damaging} hundreds of {homes|buildings}.",
        "{A landslide|A mudslide|A cyclone|A typhoon|A tropical storm|A hurricane} {hit|struck|buried|swept through} <place> <date>, {killing|leaving} <num> {people dead|dead}{, <attr>|}.",
        "{A fire|A blaze|A huge fire|A wildfire|A forest fire} {broke out|swept through|ripped through} {a market|a factory|a hospital|a residential building|forests} in <place> <date>, killing <num> people; officials blamed {an electrical fault|a short circuit|dry weather}.",
        "{An explosion|A blast|A gas explosion|A boiler explosion} at {a chemical plant|a fireworks factory|a coal mine|a gas station|a fertiliser factory|an oil refinery} in <place> killed <num> workers <date>; officials said it was {an accident|caused by a gas leak|an industrial accident}.",
        "<num> people died when {a bus|a passenger train|an overloaded boat|a truck|a ferry} {collided with a truck|plunged into a ravine|capsized|derailed|overturned} in <place> <date>{, <attr>|}.",
        "{A building|A five-storey building|A bridge|A mine shaft|A dam} {collapsed|caved in} in <place> <date>, {trapping|killing} <num> people.",
        "{A drought|A heatwave|A cholera outbreak|A measles outbreak} has {killed|affected} <num> people in <prov>{, <attr>|}.",
        "{A plane|A passenger plane|A small aircraft|A cargo plane} {crashed|went down|crash-landed} shortly after take-off from <town> <date>, killing <num> people on board, in what investigators called {a technical failure|pilot error|bad weather}.",
        "{A gas leak|A chemical leak|A toxic gas leak} at {a factory|an industrial plant|a fertiliser plant} in <place> {killed|sickened} <num> {workers|residents} <date>.",
        "{A stampede|A crush} at {a religious festival|a stadium|a food distribution point} in <place> killed <num> people <date>.",
        "{Rescue teams|Emergency workers|Firefighters} were searching for survivors after {floods|an avalanche|a landslide|a building collapse|an explosion at a warehouse} in <place>{, <attr>|}.",
    ],
    "crime": [
        "{The coast guard|The navy|Border police} {intercepted a boat carrying|stopped} <num> {migrants|asylum seekers} {smuggled by traffickers|bound for Europe} <date>{, <attr>|}.",
        "{Police|Officers} {seized|found} {heroin|cannabis|stolen goods|stolen phones} and {arrested|detained} {a suspected drug dealer|two robbery suspects|a car thief} in <ptown> <date>.",
        "Police {arrested|detained} <num> {suspected drug traffickers|members of a car theft ring|suspected fraudsters|suspected robbers|alleged smugglers} in <ptown> <date>{, <attr>|}.",
        "{Armed robbers|Robbers|Thieves|A gang of robbers} {held up|robbed|raided} {a bank|a jewellery store|a petrol station|a supermarket|a cash-in-transit van} in <ptown> <date>, escaping with {cash|jewellery|an undisclosed sum}.",
        "{Customs officials|Police|The coast guard|Anti-narcotics officers} {seized|confiscated|intercepted} {<num> tonnes of cocaine|a large haul of heroin|smuggled cigarettes|methamphetamine worth millions|counterfeit goods|illegal timber} in <ptown> <date>{, <attr>|}.",
        "A man was {stabbed to death|shot dead|killed} in a {dispute over land|domestic dispute|bar fight|row with a neighbour|family quarrel} in <ptown> <date>, police said.",
        "{A businessman|A bank employee|A former official|A company director} was {charged with|convicted of|sentenced for} {fraud|embezzlement|money laundering|tax evasion|bribery} in <ptown> <date>.",
        "{Police|Detectives|Investigators} {dismantled|broke up|busted} {a human trafficking ring|a drug smuggling network|a counterfeit currency gang|an illegal gambling operation} in <ptown>, arresting <num> people{, <attr>|}.",
        "{A court|A judge|The high court} {sentenced|jailed|convicted} <num> {men|people|gang members} for {murder|armed robbery|drug trafficking|kidnapping a businessman's child for ransom} in <ptown> <date>.",
        "<num> {people|suspects} were arrested for {smuggling|illegally selling|trafficking} {fuel|drugs|gold|wildlife products|migrants} across the border near <ptown>{, <attr>|}.",
        "{A woman|A pensioner|A shopkeeper|A tourist} was robbed {at knifepoint|at gunpoint|in her home} in <ptown> <date> by {two men|a gang|thieves} who {fled with|stole} {her phone|cash|jewellery}.",
        "Police {are investigating|opened an investigation into} the death of a {man|woman|student} found {in a river|in a flat|near a railway line} in <ptown> <date>.",
        "{Hackers|Cybercriminals|A cybercrime gang} {stole|siphoned off|demanded a ransom of} {millions of dollars|customer data|$2 million} from {a bank|a hospital network|a utility company} in <pcountry>{, <attr>|}.",
    ],
    "politics": [
        "The {president|prime minister|government} {announced|unveiled|presented} {a new budget|a cabinet reshuffle|plans to raise the minimum wage|an economic reform package|a new education policy} <date>{, <attr>|}.",
        "{Voters|Citizens|Millions of people} {went to the polls|cast their ballots|voted} in <pcountry> <date> in {presidential|parliamentary|local|regional} elections.",
        "{Parliament|Lawmakers|The senate|The national assembly} {passed|approved|rejected|debated} a bill {on|to reform} {pensions|the tax system|media regulation|healthcare|the electoral code} <date>.",
        "The {foreign minister|president|prime minister} {met|held talks with} {his counterpart|a delegation|the UN envoy|European leaders} in {Brussels|Washington|Beijing|Moscow|Ankara|Cairo} <date> to discuss {trade|security cooperation|the situation in the region|climate change}.",
        "The {ruling party|opposition party|main opposition coalition} {nominated|chose|selected} {a former central bank governor|the party chairman|a veteran lawmaker} as its {presidential candidate|candidate for prime minister} <date>.",
        "The {government|foreign ministry|United States|European Union} {condemned|criticised|expressed concern about} {the violence|the attack|the crackdown|the fighting} in <pcountry> and {called for restraint|urged all sides to show restraint|called for dialogue}{, <attr>|}.",
        "The {UN Security Council|European Union|United States|African Union} {imposed sanctions on|extended sanctions against|discussed the situation in} <pcountry> <date>.",
        "{The president|The prime minister|The minister of defence|The interior minister} said in a speech that the government would {defeat terrorism|restore security|bring the attackers to justice|continue the fight against insurgents}.",
        "The election commission {announced|declared|published} {the results|provisional results|the final results} of the {vote|election|referendum} <date>, with the ruling party winning {a majority|most seats}.",
        "{The court|The constitutional court|The supreme court} {ruled|upheld|annulled|postponed a ruling on} {the election results|a ban on the opposition party|the president's decree} <date>{, <attr>|}.",
        "The {US|British|French|Chinese|Indian} {ambassador|envoy|delegation} {visited|arrived in} <ptown> <date> for talks on {trade|investment|aid|a new infrastructure project}.",
    ],
    "society": [
        "{The national team|The home side|Local club FC United|The champions} {won|lost|drew} {their|the} {World Cup qualifier|league match|cup final|friendly} in <ptown> <date>.",
        "{The central bank|The government|The finance ministry} {raised|cut|kept} interest rates <date> as inflation {rose|slowed|hit} {5 percent|a record high|its lowest level in years}.",
        "{Shares|Stocks|The currency|Oil prices} {rose|fell|slumped|rallied} <date> after {the company reported strong profits|the central bank decision|weak export figures}.",
        "{A festival|A book fair|A film festival|A marathon|A concert} {drew|attracted} <big> visitors to <ptown> <date>{, <attr>|}.",
        "{The company|A telecoms operator|A mining firm|An airline} {announced|unveiled|signed} {a deal|plans|a contract} to {build a new factory|expand its network|buy a rival|open new routes} in <pcountry>.",
        "{Schools|Universities|Hospitals} in <ptown> {reopened|closed|resumed classes} <date> {after the holidays|after a teachers' strike ended|after renovation works}.",
        "{The health ministry|Officials|Doctors} {launched|began} a {vaccination campaign|polio immunisation drive|malaria prevention programme} in <prov> <date>.",
        "{A new bridge|A new highway|A power plant|A hospital|A railway line} {was inaugurated|opened|was completed} in <ptown> <date>, the {ministry of works|government} said.",
        "{Farmers|Officials|Economists} said {the harvest|wheat production|the tourism season|exports} {was expected to|would} {improve|fall|recover} this year.",
        "{The festival|Celebrations|The pilgrimage} {passed off peacefully|went ahead|drew crowds} in <ptown> <date>, with {thousands of|many} {pilgrims|visitors|families} taking part.",
    ],
}

# Sentences that mention other event types in a secondary role (background, earlier events, context).
DISTRACTORS: list[str] = [
    "The area has seen frequent air strikes in recent months.",
    "Earlier this month, a roadside bomb killed <num> soldiers in the same district.",
    "The region has been hit by a wave of protests over the past year.",
    "<Armed> have carried out a series of attacks in the province since {January|the spring|last year}.",
    "Last year, <num> people were kidnapped on the same road.",
    "The town was captured by the militants in {2015|2017|2019} and retaken by the army a year later.",
    "A ceasefire agreed in {March|June|2019} has been repeatedly violated.",
    "The government has deployed thousands of troops to the region over the past year.",
    "The conflict has killed thousands of people and displaced millions.",
    "Police arrested several suspects after a similar incident last month.",
    "Shelling in the area has forced many families to flee in recent weeks.",
    "The district was the scene of heavy clashes {last year|in 2018|earlier this year}.",
    "Demonstrations have been banned in the capital since {March|the election|last year}.",
    "It was not clear who was behind the incident.",
    "The victims' families demanded justice.",
    "The UN has repeatedly called for an end to the violence.",
    "No group has claimed responsibility so far.",
    "Two years ago a suicide bombing at the same market killed dozens.",
    "Flooding earlier in the year destroyed crops across the province.",
    "The army says it has killed hundreds of militants in the region this year.",
    "Rights groups have documented abuses by all sides.",
    "The situation remained tense, <attr>.",
    "Security has deteriorated in the area since the last election.",
    "Peace talks between the two sides stalled last month.",
]

# Class-specific distractors: they use another class's vocabulary in a secondary, non-defining role.
SPECIFIC_DISTRACTORS: dict[str, list[str]] = {
    "Peaceful protest": [
        "Police were deployed in large numbers but did not intervene.",
        "Riot police stood nearby but made no arrests.",
        "The march passed a police station without incident.",
        "Protesters condemned the killing of a demonstrator last month.",
        "The rally was held to denounce recent air strikes on civilians.",
        "Marchers denounced arrests of activists earlier this year.",
    ],
    "Armed clash": [
        "An air strike had hit the area the day before.",
        "The town changed hands several times last year.",
        "The fighting came days after the collapse of a ceasefire.",
    ],
    "Attack": [
        "Soldiers later arrived and exchanged fire with the attackers.",
        "The gunmen also set fire to several houses.",
        "Police said they had arrested a suspect.",
    ],
    "Air/drone strike": [
        "The strike followed weeks of clashes on the ground.",
        "Militants had shelled a nearby town days earlier.",
    ],
    "Shelling/artillery/missile attack": [
        "Drones were also seen over the town.",
        "Fighting on the ground continued elsewhere.",
    ],
    "Remote explosive/landmine/IED": [
        "Troops later clashed with militants in the area.",
        "A suicide bombing hit the town last year.",
    ],
    "Suicide bomb": ["Gunmen then opened fire on survivors.", "Troops later defused a second device nearby."],
    "Grenade": [
        "Security forces cordoned off the area and launched a search.",
        "A roadside bomb hit the same road last week.",
    ],
    "Protest with intervention": [
        "No serious injuries were reported.",
        "The protest had been peaceful until police moved in.",
    ],
    "Excessive force against protesters": [
        "The protesters had been marching peacefully.",
        "Police said officers had fired in self-defence.",
    ],
    "Violent demonstration": [
        "Police arrested dozens of people.",
        "Tear gas was fired to disperse the crowd.",
    ],
    "Arrests": [
        "The suspects were accused of planning bomb attacks.",
        "The group has carried out attacks on soldiers.",
    ],
    "Disrupted weapons use": [
        "The militants had planned to attack a market.",
        "A similar device exploded in the area last month, killing three.",
    ],
    "Agreement": [
        "Fighting had killed dozens of people in the past week.",
        "Previous ceasefires were broken by shelling.",
    ],
    "Change to group/activity": [
        "The group is blamed for several bombings.",
        "The troops will support operations against insurgents.",
    ],
    "Government regains territory": ["The militants had seized the town in an offensive last year."],
    "Non-state actor overtakes territory": ["The army had recaptured the town last year."],
    "Looting/property destruction": ["The fighters had clashed with soldiers nearby earlier in the week."],
    "Mob violence": ["Police later arrested several people over the killing."],
    "NONE": [
        "The area has been relatively calm since a peace deal was signed.",
        "The region also faces an insurgency by armed groups.",
        "Police ruled out any link to militancy.",
        "Officials said there was no sign of sabotage.",
    ],
}

FOLLOW_NONE = [
    "Rescue operations were continuing, <attr>.",
    "The injured were taken to a nearby hospital.",
    "An investigation has been opened into the cause.",
    "Officials said the death toll could rise.",
    "The suspects will appear in court next week.",
    "Officials said the measures would take effect next month.",
]

_CHOICE = re.compile(r"\{([^{}]*)\}")
_SLOT = re.compile(r"<(\w+)>")


def _expand_choices(template: str, rng: random.Random) -> str:
    """Resolve ``{a|b|c}`` choices (innermost first)."""
    while True:
        m = _CHOICE.search(template)
        if m is None:
            return template
        template = template[: m.start()] + rng.choice(m.group(1).split("|")) + template[m.end() :]


def _context(rng: random.Random) -> dict[str, str]:
    """One coherent setting: a conflict country and a protest city."""
    country = rng.choice(COUNTRY_NAMES)
    adj, towns, provs, groups, forces = COUNTRIES[country]
    town = rng.choice(towns)
    prov = rng.choice(provs)
    place = rng.choice(
        [
            town,
            town,
            f"{town} in {prov} province",
            f"the {town} district",
            f"a village near {town}",
            f"{town}, {country}",
            f"the outskirts of {town}",
            f"{prov} province",
        ]
    )
    ptown, pcountry = rng.choice(PROTEST_PLACES)
    if rng.random() < 0.3:
        ptown = f"{town}, {country}"
        pcountry = country
    state = rng.choice(
        forces + ["security forces", "government troops", "the army", "soldiers", "the military"]
    )
    return {
        "c": country,
        "adj": adj,
        "town": town,
        "prov": prov,
        "place": place,
        "armed": rng.choice(groups + ["militants", "rebels", "insurgents", "gunmen"]),
        "state": state,
        "state_short": rng.choice(["soldiers", "policemen", "troops", "security personnel"]),
        "ptown": ptown,
        "pcountry": pcountry,
    }


def render(template: str, ctx: dict[str, str], rng: random.Random) -> str:
    """Fill a template: choices, then slots (context slots are fixed per snippet, list slots drawn)."""
    text = _expand_choices(template, rng)

    def fill(m: re.Match[str]) -> str:
        name = m.group(1)
        key = name.lower()
        if key in ctx:
            value = ctx[key]
        elif key in SLOTS:
            value = rng.choice(SLOTS[key])
        else:
            raise KeyError(f"unknown slot <{name}> in {template!r}")
        return value[0].upper() + value[1:] if name[0].isupper() else value

    text = _SLOT.sub(fill, text)
    text = _expand_choices(text, rng)  # slot values may hold choices
    text = re.sub(r"\s+([,.;])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()
    return text[0].upper() + text[1:]


def _style(text: str, rng: random.Random) -> str:
    """Surface variation found in wire copy: datelines, lower-cased fragments, missing final stop."""
    r = rng.random()
    if r < 0.12:
        text = f"{rng.choice(['KABUL', 'MOGADISHU', 'BAGHDAD', 'LAGOS', 'BAMAKO', 'SRINAGAR', 'GOMA', 'ADEN', 'BEIRUT'])} ({rng.choice(['Reuters', 'AFP', 'AP', 'Xinhua'])}) - {text}"
    elif r < 0.2:
        text = text[0].lower() + text[1:]
    if rng.random() < 0.15:
        text = text.rstrip(".")
    return text


def snippet(label: str, rng: random.Random) -> tuple[str, str]:
    """One snippet of the class and the id of its main template: main sentence, optional follow-up and
    distractor, in varied order."""
    ctx = _context(rng)
    if label == "NONE":
        family = rng.choice(list(NONE_T))
        idx = rng.randrange(len(NONE_T[family]))
        main = render(NONE_T[family][idx], ctx, rng)
        follow_pool = FOLLOW_NONE
        tpl = f"NONE:{family}:{idx}"
    else:
        idx = rng.randrange(len(T[label]["main"]))
        main = render(T[label]["main"][idx], ctx, rng)
        follow_pool = T[label]["follow"]
        tpl = f"{label}:{idx}"
    parts = [main]
    if rng.random() < 0.45:
        parts.append(render(rng.choice(follow_pool), ctx, rng))
    if rng.random() < 0.3:
        pool = SPECIFIC_DISTRACTORS.get(label, []) + DISTRACTORS
        extra = render(rng.choice(pool), ctx, rng)
        if rng.random() < 0.25:
            parts.insert(0, extra)  # background first: the label still follows the event sentence
        else:
            parts.append(extra)
    return _style(" ".join(parts), rng), tpl


LABELS: list[str] = list(T) + ["NONE"]


def generate(per_class: int, seed: int = 13) -> list[dict[str, str]]:
    """``per_class`` distinct snippets for every label, deterministic for a seed."""
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    for label in LABELS:
        seen: set[str] = set()
        n = per_class * 2 if label == "NONE" else per_class
        tries = 0
        while len(seen) < n and tries < n * 20:
            tries += 1
            text, tpl = snippet(label, rng)
            if text not in seen:
                seen.add(text)
                rows.append({"text": text, "label": label, "template": tpl})
    return rows


def main(argv: list[str] | None = None) -> int:
    """Write the synthetic training set as JSON lines."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-class", type=int, default=900)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--output", type=Path, default=OUTPUT)
    args = ap.parse_args(argv)
    rows = generate(args.per_class, args.seed)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} snippets ({len(LABELS)} labels) to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
