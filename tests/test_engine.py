"""The rule engine, construction by construction, each with its negative twin.

Every sentence here was written for these tests in the style of Arabic
news; none is copied from an outlet.  The tables assert exact types, content
texts and speaker names, so a rule that stops firing or fires too widely
fails them.
"""

from __future__ import annotations

import pytest

import quotes
from quotes import Extractor

EX = Extractor()
PUB = "2019-08-30"  # a Friday


def run(text: str, published: str = PUB):
    return EX.extract(text, published=published).quotes


def summary(text: str, published: str = PUB) -> list[tuple[str, str, str | None]]:
    return [(q.type, q.content.text, q.speaker.name if q.speaker else None) for q in run(text, published)]


# --- direct quotations ------------------------------------------------------

DIRECT = [
    # colon after the speaker
    ('وقال الوزير أحمد سالم: "سنفتح المعبر غدا".',
     [("direct", "سنفتح المعبر غدا", "أحمد سالم")]),
    # guillemets, no colon
    ("وقال سالم «الوضع تحت السيطرة».",
     [("direct", "الوضع تحت السيطرة", "سالم")]),
    # the quote before its cue
    ("“سنفتح المعبر غدا”، قال الوزير أحمد سالم.",
     [("direct", "سنفتح المعبر غدا", "أحمد سالم")]),
    # a continuation with no cue of its own shares the cue
    ("وقال سالم “سنفتح المعبر غدا.” “ولن نغلقه بعد ذلك”.",
     [("direct", "سنفتح المعبر غدا.", "سالم"), ("direct", "ولن نغلقه بعد ذلك", "سالم")]),
    # a temporal clause between the cue and the colon
    ('وقال المدرب للصحفيين بعدما فاز فريقه بالمباراة: "كانت مباراة صعبة".',
     [("direct", "كانت مباراة صعبة", "المدرب")]),
    # a speech verb inside the quotation is not a new attribution
    ('وقال سالم: "إذا قلنا إن الوضع جيد فنحن نكذب على الناس".',
     [("direct", "إذا قلنا إن الوضع جيد فنحن نكذب على الناس", "سالم")]),
]

DIRECT_NEGATIVE = [
    # scare quotes around a term, no source
    'تقدمت ما يسمى بقوات "النمر" نحو البلدة.',
    # a quoted title after a naming noun
    'انطلقت أمس قمة "الأمل" في العاصمة.',
    # a speech verb with no content
    "ولم يعلق المتحدث على الحادث.",
    # a verb form after a kunya is a name, and an ambiguous one after a preposition a noun
    'وزار أبو طالب المدينة "ليلا".',
    'وتدرب اللاعب في نادي "النجوم" أمس.',
]


@pytest.mark.parametrize("text,expected", DIRECT)
def test_direct(text, expected):
    assert summary(text) == expected


@pytest.mark.parametrize("text", DIRECT_NEGATIVE)
def test_direct_negative(text):
    assert summary(text) == []


# --- indirect, mixed and object reports --------------------------------------

INDIRECT = [
    ("قال وزير الخارجية أحمد سالم إن المفاوضات ستستأنف الأسبوع المقبل.",
     [("indirect", "المفاوضات ستستأنف الأسبوع المقبل", "أحمد سالم")]),
    ("وأكدت الوزارة أن الوضع مستقر في المدينة.",
     [("indirect", "الوضع مستقر في المدينة", "الوزارة")]),
    ("وأشار المتحدث إلى أن الطريق مغلق منذ الصباح.",
     [("indirect", "الطريق مغلق منذ الصباح", "المتحدث")]),
    # the noun-phrase object of a cue
    ("أعلنت روسيا وقف إطلاق النار من جانب واحد في شمال البلاد، حيث تدور المعارك.",
     [("indirect", "وقف إطلاق النار من جانب واحد في شمال البلاد", "روسيا")]),
    ("ونفت الحكومتان الروسية والسورية استهداف المستشفيات.",
     [("indirect", "استهداف المستشفيات", "الحكومتان الروسية والسورية")]),
    ("ودعا المجلس إلى وقف فوري للقتال.",
     [("indirect", "وقف فوري للقتال", "المجلس")]),
    # an ambiguous form (عبر 'via') with its preposition; a quoted name after a title
    ('فقد عبر المعلق "باروخ ناييم" عن استبعاده لصحة الفيديو.',
     [("indirect", "استبعاده لصحة الفيديو", "باروخ ناييم")]),
    # the subject runs to the date that ends it, the object starts after
    ("أعلن نادي النجوم الرياضي الجمعة تعاقده مع المهاجم.",
     [("indirect", "تعاقده مع المهاجم", "نادي النجوم الرياضي")]),
    # a reported clause runs on through ، حيث (a noun-phrase object above stops there)
    ("وقال المتحدث إن المدارس مكتظة، حيث يغيب المعلمون عن الفصول.",
     [("indirect", "المدارس مكتظة، حيث يغيب المعلمون عن الفصول", "المتحدث")]),
    # a comma and a coordinated speech verb with its complementizer end the report before
    ("وقال سالم إن الطريق مغلق، وأضاف أن العمل جار.",
     [("indirect", "الطريق مغلق", "سالم"), ("indirect", "العمل جار", "سالم")]),
    # a pronoun carrier and a speech verb after a comma start a report of their own
    ("وتقر الجمعية بأن بعض الموقوفين أعضاء فيها، ولكنها أضافت أنهم لم يرتكبوا شيئا.",
     [("indirect", "بعض الموقوفين أعضاء فيها", "الجمعية"), ("indirect", "لم يرتكبوا شيئا", "الجمعية")]),
    # a quoted aside between the channel and the complementizer is not the content
    ("وأفادت الهيئة في بيان «اطلعت الوكالة عليه» أن المعبر مغلق.",
     [("indirect", "المعبر مغلق", "الهيئة")]),
    # ... while after a colon the quotation is the content
    ("وأفادت الهيئة في بيان: «المعبر مغلق منذ الصباح».",
     [("direct", "المعبر مغلق منذ الصباح", "الهيئة")]),
    # a quoted outlet after the cue is the source, not a quotation
    ('وأشارت "واشنطن بوست" إلى ارتفاع الأسعار في المدن.',
     [("indirect", "ارتفاع الأسعار في المدن", "واشنطن بوست")]),
    # ... and a quotation that merely names an outlet is still a quotation
    ('وقال سالم "نيويورك تايمز تكذب".', [("direct", "نيويورك تايمز تكذب", "سالم")]),
    # an ambiguous perfect (ذكر 'mention') opening its sentence before a definite noun is the verb
    ("وذكر التقرير العقبات التي تعترض المشروع.", [("indirect", "العقبات التي تعترض المشروع", "التقرير")]),
    ("وكان ذكر الحادث في التقرير مقتضبا.", []),
    # an indefinite subject with a common adjective, before the object's preposition
    ("كشف تقرير جديد عن نقص في الأدوية بالمستشفيات.", [("indirect", "نقص في الأدوية بالمستشفيات", "تقرير جديد")]),
    # a pronoun subject: the noun phrase after the verb is its object
    ("وقالت الوزيرة إن الخبر كاذب. لكنها نفت كتابتها الرسالة.",
     [("indirect", "الخبر كاذب", "الوزيرة"), ("indirect", "كتابتها الرسالة", "الوزيرة")]),
    # coordinated objects, the last one a complementizer clause: the content starts at the first
    ("ونفى الوزير استقالته أو أن يكون قد غادر البلاد.",
     [("indirect", "استقالته أو أن يكون قد غادر البلاد", "الوزير")]),
    ("ونفى الوزير أن يكون قد غادر البلاد.", [("indirect", "يكون قد غادر البلاد", "الوزير")]),
    # an إن inside an outlet's name opens nothing; a name spelt like إلى (ألي) is a name
    ("وقالت ألي براون، والدة الطالب، لقناة إن بي سي إن أسرتها فوجئت.", [("indirect", "أسرتها فوجئت", "ألي براون")]),
    # a governed أن (من دون أن) opens nothing, and its clause is an aside before the object
    ("وتعهد الوزراء الجمعة، من دون أن يسموا أي دولة، تبادل الخبرات.",
     [("indirect", "تبادل الخبرات", "الوزراء")]),
    # an ambiguous verb (حمل) with a bare quotation reports nothing
    ('وقال الخبير إن القرار قد يحمل "آثارا مؤلمة" على الأسواق.',
     [("mixed", 'القرار قد يحمل "آثارا مؤلمة" على الأسواق', "الخبير")]),
    ('ورفع اللاعب قميصا يحمل اسمه "نحن معا".', []),
    # ... unless a resumptive pronoun marks a relative clause of writing
    ('وقال النادي إن اللاعب وصل. ونشر صفحة كتب عليها "أهلا بك".',
     [("indirect", "اللاعب وصل", "النادي"), ("direct", "أهلا بك", "النادي")]),
    # mixed: an indirect report with a quoted fragment
    ('قالت روسيا إنه تم التوصل إلى اتفاق بشأن "وقف أحادي لإطلاق النار".',
     [("mixed", 'تم التوصل إلى اتفاق بشأن "وقف أحادي لإطلاق النار"', "روسيا")]),
]

INDIRECT_NEGATIVE = [
    # يعتبر with no source
    ("يعتبر الهجوم الأكبر منذ سنوات.", []),
    # قول as a noun
    ("كان القول الفصل للمحكمة في القضية.", []),
    # a decision is not speech
    ("قررت السلطات إغلاق المعبر.", []),
    # the writer's aside, not a report
    ("يذكر أن الشركة تأسست عام 1990.", []),
    ("يشار إلى أن الشركة تأسست عام 1990.", []),
    # بناء على ذلك names no source
    ("وبناء على ذلك، قررت الشركة الإغلاق.", []),
    # a passive report names no source
    ("وقيل إن الوفد غادر المدينة.", [("indirect", "الوفد غادر المدينة", None)]),
    # an expressive act has no proposition
    ("وعبر الوزير عن سعادته بالنتائج.", []),
    # عبر meaning 'via' is no cue
    ("ووصل الوفد عبر البحر إلى الميناء.", []),
    # declining to comment states nothing, even before a بأن of the report it declines
    ("ورفض المتحدث التعليق على الاتهامات.", []),
    ("ورفض السفير التعليق على مزاعم بأن بلاده تقف وراء الهجوم.", []),
    # praise is an expressive act, even with a quoted phrase
    ('وأشاد الوزير بما حققه الفريق من "إنجازات كبيرة".', []),
    # يعتبر with no source after it means "is considered"
    ("وهذا الهجوم يعتبر الأعنف منذ سنوات.", []),
    # a quoted name after a naming noun does not make a report mixed
    ('قال الوزير إن مبادرة "الحزام والطريق" ستتوسع.',
     [("indirect", 'مبادرة "الحزام والطريق" ستتوسع', "الوزير")]),
]


@pytest.mark.parametrize("text,expected", INDIRECT + INDIRECT_NEGATIVE)
def test_indirect(text, expected):
    assert summary(text) == expected


# --- according to -------------------------------------------------------------

ACCORDING = [
    ("تم تهجير أكثر من نصف مليون مدني منذ أبريل، وفقا للأمم المتحدة.",
     [("according_to", "تم تهجير أكثر من نصف مليون مدني منذ أبريل", "الأمم المتحدة")]),
    ("وبحسب البيان، فإن الهجوم أسفر عن سقوط قتلى.",
     [("according_to", "الهجوم أسفر عن سقوط قتلى", "البيان")]),
    # the source's quoted name ends the sentence
    ('وقد يكون الحقل الأكبر في المنطقة بحسب شركة الغاز الإسبانية "سولار".',
     [("according_to", "يكون الحقل الأكبر في المنطقة", "سولار")]),
    # وفق takes its source without ل: the source's own ل stays (لجان)
    ("وتدرس الوزارة الطلبات وفق لجان متخصصة.",
     [("according_to", "وتدرس الوزارة الطلبات", "لجان متخصصة")]),
    # a marked verb's resumptive pronoun is not the source; a role's بال-complement is not the name
    ("وأغلقت الشركة مكتبها، وفق ما أفاد به مدير الإعلام بالشركة نبيل حسن.",
     [("according_to", "وأغلقت الشركة مكتبها", "نبيل حسن")]),
    # فإن after the source opens the statement
    ("ووفق التقرير فإن المحافظة سجلت أعلى عدد من الضحايا.",
     [("according_to", "المحافظة سجلت أعلى عدد من الضحايا", "التقرير")]),
    # an according-to phrase in a report's frame relays that report and adds no record
    ("وقال المدير سالم بحسب ما نقل عنه بيان الشركة إن الطائرات ستصل.",
     [("indirect", "الطائرات ستصل", "سالم")]),
    # كما before a reporting verb and its source means 'as X reported' (the marker stays out) ...
    ("وارتفعت الأسعار بنسبة كبيرة، كما ذكرت وكالة رويترز.",
     [("according_to", "وارتفعت الأسعار بنسبة كبيرة", "وكالة رويترز")]),
    # ... but before a complementizer, or a verb that is no verb of reporting, it means 'also'
    ("وقال سالم إن الشركة خسرت، كما أكد أن العمال سيعوضون.",
     [("indirect", "الشركة خسرت", "سالم"), ("indirect", "العمال سيعوضون", "سالم")]),
    # وفق / وفقا لـ rules or laws names no source
    ("والترفيه وفق الضوابط الأخلاقية أمر مهم.", []),
    ("وتمت المحاكمة وفقا للقانون المصري.", []),
    # a restatement of the report's own source adds no record
    ("وقال سالم إن الشركة تكبدت خسائر كبيرة، بحسب تعبيره.",
     [("indirect", "الشركة تكبدت خسائر كبيرة", "سالم")]),
]


@pytest.mark.parametrize("text,expected", ACCORDING)
def test_according_to(text, expected):
    assert summary(text) == expected


def test_according_to_mention_keeps_clitic_but_name_drops_it():
    (q,) = run("تم تهجير أكثر من نصف مليون مدني، وفقا للأمم المتحدة.")
    assert q.cue.span.text == "وفقا"
    assert q.speaker.mention.text == "للأمم المتحدة"
    assert q.speaker.name == "الأمم المتحدة"


# --- speakers ----------------------------------------------------------------

SPEAKERS = [
    # SVO with an aside
    ("محمد العموري، 53 عاما، قال إنه حضر الاحتجاج.", ["محمد العموري"]),
    # title and role kept apart from the name
    ("وقال العقيد مصطفى بكور قائد جماعة جيش العزة إن القوات وصلت.", ["مصطفى بكور"]),
    # coordinated sources: one record, the whole coordination
    ("وقال منشق عسكري ومصادر معارضة بارزة لرويترز إن القوات وصلت.", ["منشق عسكري ومصادر معارضة بارزة"]),
    # an unnamed official is named by the role
    ("قال مسؤول أمريكي إن المحادثات متعثرة.", ["مسؤول أمريكي"]),
    # a role through its prepositional phrase to the name set off by commas
    ("وكتب السفير لدى الأمم المتحدة، سامر الحلبي، أن المرافق سليمة.", ["سامر الحلبي"]),
    # a short في-phrase before the opener belongs to the source
    ("وقال زملاء له في الشرطة إنه تعرض لتهديدات.", ["زملاء له في الشرطة"]),
    # an ambiguous word (نادي 'club' / نادى 'called') inside a role does not end it
    ('تحدث المشرف على الفرق في نادي الاتحاد محمد الجهني وقال: "يسعدنا التعاون".', ["محمد الجهني"]),
    # the addressee of a telling verb is no speaker
    ('قال الوزير سالم إن الحل قريب. وأبلغ الصحفيين "سنلتقي غدا".', ["سالم", "سالم"]),
    # a relayed source keeps its own gender: the verb agrees with the outlet
    ('ونقلت صحيفة هآرتس عن يعالون قوله "يجب الحذر". وأضاف: "لن نتراجع".', ["يعالون", "يعالون"]),
    # a relayed source: the outlet relays, the person speaks
    ('ونقلت صحيفة هآرتس عن يعالون القول "يجب على إسرائيل الحذر".', ["يعالون"]),
    # a name set off by dashes after a role; a title word after أبو is part of a name
    ("وقال أمين عام المنظمة -إياد مدني- إن الهجوم مدان.", ["إياد مدني"]),
    ("وقال الكاتب حمود أبو طالب إن الظاهرة خطيرة.", ["حمود أبو طالب"]),
    # an outlet as the subject is not cut at its trigger noun
    ("ووصفت صحيفة معاريف العبرية الفيديو بالمقلق.", ["صحيفة معاريف العبرية"]),
    # a quoted name after a role, before the colon, is the name, not the content
    ("وقالت محامية الهيئة «ليلى حسن»: إن الموكلين بخير.", ["ليلى حسن"]),
    ("وقالت شركة الغاز الإسبانية \"سولار\" إن الحقل كبير.", ["سولار"]),
    # a month (آب folds like the title الأب) is no speaker of a participle
    ("وزار الوفد المدينة في آب الماضي مؤكدا أن الوضع مستقر.", [None]),
    # a speech verb inside reported words introduces no speaker for a later dropped subject
    ("قال سالم إنه يتابع أخبار الفنانين في المدينة. وأضاف أن الوضع جيد.", ["سالم", "سالم"]),
    # a coordinated verb shares the subject of the report before it in its sentence,
    # not a titled word of that report's content
    ("وأوضح المتحدث سامي حسن أن الشارع سيصبح شارعا رئيسا بعرض 20 مترا، وبين أن البلدية تدرس الخطة.",
     ["سامي حسن", "سامي حسن"]),
    # a participle shares the subject after a sentence-opening كان, up to its verb
    ('وقال سالم إن الحقل مهم. وكانت شركة الغاز الإسبانية "سولار" اكتشفت الحقل مؤكدة أنه الأكبر في المنطقة.',
     ["سالم", "سولار"]),
    ("وقال سالم إن الحقل مهم. وكانت الوزارة اكتشفت الحقل مؤكدة أنه الأكبر في المنطقة.", ["سالم", "الوزارة"]),
    # a relative clause with its own subject after the verb: the subject speaks, not the antecedent
    ("وتوقف العمل بسبب العمال الذين تقول الإدارة إنهم غادروا مبكرا.", ["الإدارة"]),
    # ... but a telling verb's noun is its addressee, and the antecedent speaks
    ("وكانت الجارة هي التي أخبرت الشرطة بأن المنزل كان مهجورا.", ["الجارة"]),
    # a speaker inside a relative clause is not the sentence's subject for a later و-verb
    ('وقلل المدرب سالم من شأن التقارير التي تقول إن فريقه متعب، وقال "نحن جاهزون".',
     ["سالم", "شأن التقارير", "سالم"]),
    # a definite title takes adjectives, not the verb's object, as its subject's words
    ("ورفض المدرب الإفصاح عن التشكيلة، مؤكدا أن الفريق جاهز.", ["المدرب"]),
    ('وأردف المسؤول الأمريكي السابق، قائلا: "الاتفاق سيئ".', ["المسؤول الأمريكي السابق"]),
    # على حد تعبيره names its source by the pronoun: the latest speaker
    ("وقال سالم إن الوضع جيد. والشركة تكبدت خسائر كبيرة، على حد تعبيره.", ["سالم", "سالم"]),
    # a pronoun before the verb refers back to the person the sentence names
    ("وقال الوزير كمال إن الأمر عادي. وقال المحلل جورج غي إن السوق قلق. "
     "وأثارت صفقة كمال الأخيرة انتقادات له، لكنه ينفي مرارا وجود أي مخالفة.",
     ["كمال", "جورج غي", "كمال"]),
    # a sentence-opening verb is not part of the name after it
    ("قال الرئيس فريد ناصر إن الأمر عادي. ونشر ناصر تغريدة. وأضاف أن السوق قوي.",
     ["فريد ناصر", "فريد ناصر"]),
    # what follows a name is not the speaker: an addressee with a pronoun, a pronoun phrase, a ب-phrase
    ("وقال الرئيس سامي نور لنظيره اللبناني كريم داود، الاثنين، إن الوضع خطير.",
     ["سامي نور"]),
    ("قال الرئيس عبد الكريم ناصر عنها الأسبوع الماضي إن القضية مهمة.", ["عبد الكريم ناصر"]),
    ("وقد أشاد المخرج وليد منصور بالاستقالة. وقال منصور إن القرار صائب.", ["وليد منصور"]),
    # ... while a name may start with ل, a role takes its بال-complement, and له stays in its noun phrase
    ("وقال المنسق ليونارد بيرك إن الوضع خطير.", ["ليونارد بيرك"]),
    ("وقال مدير الإعلام بالشركة نبيل حسن إن العمل مستمر.", ["نبيل حسن"]),
    # a channel after the speaker is not a role phrase
    ("وأضاف القاضي في الكلمات التي ألقاها بالجلسة إن الحكم نهائي.", ["القاضي"]),
    ('وقال المدرب في المؤتمر الصحفي قبل المباراة: "سنفوز".', ["المدرب"]),
    # a role with no name is named by the whole role: genitives, adjectives, an organisation in it
    ("وقال المتحدث باسم وزارة الصحة الأردنية إن اللقاح وصل.", ["المتحدث باسم وزارة الصحة الأردنية"]),
    ("وقال نائب جمهوري إن التحقيق انتهى.", ["نائب جمهوري"]),
    ("وأشار والد الطالب إلى أن الحافلة تأخرت.", ["والد الطالب"]),
    # ... and an appositive after the role gives the name without its own title
    ("أوضح المتحدث الإعلامي بالدفاع المدني، المقدم سامي الشهراني، أنه لا إصابات.", ["سامي الشهراني"]),
    # a document after في is the source of جاء / ورد
    ("وجاء في بيان لمكتب الرئيس أن الاتفاق تم.", ["بيان لمكتب الرئيس"]),
    ("وورد في التقرير أن الأسعار ارتفعت.", ["التقرير"]),
    # a quantified subject
    ("ويرى بعض المزارعين أن القانون ظالم.", ["بعض المزارعين"]),
    # a titled mention in the sentence stops before the verb's object; آ is no article
    ("ودان نائب السفير آدم آلن استهداف السفن، معتبراً أن الهجوم خطير.",
     ["آدم آلن"]),
    # a participle shares the subject of a sentence-opening verb that is no cue ...
    ("وألغى فرانكو أمس الاتفاق، معلنا تعليق التعاون مع الشركة.", ["فرانكو"]),
    # ... unless that subject is a thing or a possessed object
    ("وقال سالم إن الوضع صعب. وتطرق الحوار إلى الرياضة واصفا الموسم بالممتاز.", ["سالم", "سالم"]),
    ('وقال سالم إن الوضع صعب. واختتم حديثه قائلا: "سنعود".', ["سالم", "سالم"]),
    # an ambiguous verb takes a quotation after its subject (إلا أن السيسي عقب "...")
    ('إلا أن الرئيس عقب "لقد اتفقنا على موعد".', ["الرئيس"]),
    # a relative clause's verb is no first name of the entity after it
    ("وقال مانشستر يونايتد إن اللاعب رحل. وهو الفريق الذي أنهى مانشستر يونايتد عقده. وأضاف أنه يشكره.",
     ["مانشستر يونايتد", "مانشستر يونايتد"]),
    # a ب-phrase after a quoted name ends the mention; after a naming noun's quoted name it goes on
    ('وسلم المعلق "كريم داود" بصحة التسجيل عازيا ذلك إلى أن الفريق خائف.',
     ["كريم داود", "كريم داود"]),
    ("وقال مركز «أفق» لدراسات الطفولة إن العدد ارتفع.", ["مركز أفق لدراسات الطفولة"]),
    # the abbreviation د. (doctor), with or without a space, ends no sentence and is no name
    ('وقال د. منير الحارثي: "الوضع جيد".', ["منير الحارثي"]),
    ("وقال الأمين العام د.نادر العلي إن الوضع جيد.", ["نادر العلي"]),
    # علي before an undefined word is a first name; علي أن (على spelt with ي) is not
    ("وقال علي منصوري، بائع خضار، إنه سعيد.", ["علي منصوري"]),
    ("وقال سالم إن الوضع صعب. وشدد علي أن الحل قريب.", ["سالم", "سالم"]),
    # an outlet named without a clitic is the subject (لوفيغارو starts with ل, not a clitic)
    ("وذكرت لوفيغارو أن الأسعار ارتفعت.", ["لوفيغارو"]),
    # a subject runs through feminine adjectives; the object described before بأن is no speaker
    ("أكدت اللجنة العامة للرياضة ضرورة التدريب.", ["اللجنة العامة للرياضة"]),
    ("ووصف فالنتي الحادث بأنه «يوم حزين».", ["فالنتي"]),
    # a في-phrase of time after a name is no affiliation
    ("وأضاف مارتن في بداية زيارته إلى عمّان، أن الحل سياسي.", ["مارتن"]),
    # an ambiguous perfect (أوضح 'clearer') opening its sentence with a complementizer ahead is the verb
    ("وأوضح بن سالم، في ختام جولة ميدانية، صباح الأربعاء، أن الجامعة ستتوسع.", ["بن سالم"]),
    # a short quoted name between the cue and its complementizer is the subject
    ('وأوضحت "مرافئ الخليج" أن المشروع سيضم أرصفة جديدة.', ["مرافئ الخليج"]),
    # نقلت X عنه: the pronoun's referent speaks; the verb agrees with X, not with him
    ('وقال مارتن إن الحل سياسي. ونقلت وكالة الأنباء عنه قوله "لن نتراجع".', ["مارتن", "مارتن"]),
    # an SVO role subject with its holder's name between commas
    ("وكان الممثل القانوني للحزب، فادي سمعان، قد صرح لوكالة رويترز أن الحزب سيشارك.", ["فادي سمعان"]),
    # quantified subjects: العديد من / كل من / عدد من
    ("كما انتقد العديد من النواب الألمان الحكومة.", ["العديد من النواب الألمان"]),
    ("ودعا كل من الجامعة العربية والاتحاد الأفريقي إلى الهدوء.", ["كل من الجامعة العربية والاتحاد الأفريقي"]),
    ("وقال عدد من المسؤولين إن الوضع خطير.", ["عدد من المسؤولين"]),
    # a sound plural in -ون after a demand verb is its subject; a noun before the ب-phrase is an object
    ("ويطالب المحتجون بالسماح لهم بالعودة.", ["المحتجون"]),
    ("وقال الوزير إن الأمن مستتب. ووصفت الفيديو بالمخيف.", ["الوزير", "الوزير"]),
    # a verbal noun after a contentless cue is its object, not a speaker for later dropped subjects
    ("وقال المدرب إن فريقه جاهز. ورفض الإفصاح عن خطته، مؤكدا أن الحارس بخير.", ["المدرب", "المدرب"]),
    # a noun with a possessive pronoun right after a cue is no subject
    ("وقال سالم إن المشروع جاهز. وأعلن إطلاقه رسميا في الرياض.", ["سالم", "سالم"]),
    # an organisation's head noun takes its proper name; a later definite head noun refers back to it
    ("أعلنت شركة نوفاتك إيقاف نشاطها. وقالت الشركة البريطانية إن العمال أضربوا.",
     ["شركة نوفاتك", "شركة نوفاتك"]),
    ('قالت منظمة "أطباء للسلام" الدولية، إن القوات قتلت مدنيين. وأوضحت المنظمة الدولية أنها أجرت مقابلات.',
     ["منظمة أطباء للسلام الدولية", "منظمة أطباء للسلام الدولية"]),
    # a name goes on through بن
    ("أعلن فريد بن سالم إطلاق برنامج جديد للتمويل.", ["فريد بن سالم"]),
    # a dropped subject goes to the latest speaker
    ("وقال سالم إن الوضع مستقر. وأضاف: «سنفتح المعبر».", ["سالم", "سالم"]),
    # ... that agrees with the verb in gender
    ("قالت الوزيرة ليلى حسن إن الخطة جاهزة. وقال الوزير سامي علي إن التمويل متوفر. وأضافت: «سنبدأ غدا».",
     ["ليلى حسن", "سامي علي", "ليلى حسن"]),
    # a participle shares its clause's subject
    ("وقال سالم إن الوضع مستقر، مضيفا أن المعبر سيفتح غدا.", ["سالم", "سالم"]),
    # a shorter mention takes the entity's full name
    ("قال محمد العموري إن الاحتجاج سلمي. وقال العموري «لن نتراجع».", ["محمد العموري", "محمد العموري"]),
    # the anaphoric head takes the organisation's full name
    ("قالت منظمة الصحة العالمية إن التدخين يقتل. وأضافت المنظمة أن الحظر ضروري.",
     ["منظمة الصحة العالمية", "منظمة الصحة العالمية"]),
    # a role with a genitive and no name is named by the role
    ("وقال المدير العام للسجلات إن القائمة كاملة.", ["المدير العام للسجلات"]),
    # an organisation and a document as sources
    ("وقال البيان إن الاجتماع سيعقد غدا.", ["البيان"]),
    # a quoted alias between an SVO subject and its verb
    ('وأضاف المسؤول أن وزارة الدفاع "البنتاجون" تؤكد أن التحالف مستمر.',
     ["المسؤول", "وزارة الدفاع"]),
    # a quotation relayed by an outlet belongs to the speaker before it
    ('وقال سالم إن الوضع مستقر. "لن نتراجع"، وفق ما أوردت وكالة رويترز.', ["سالم", "سالم"]),
]


@pytest.mark.parametrize("text,names", SPEAKERS)
def test_speakers(text, names):
    assert [q.speaker.name if q.speaker else None for q in run(text)] == names


def test_role_is_kept_apart():
    (q,) = run("وقال العقيد مصطفى بكور قائد جماعة جيش العزة إن القوات وصلت.")
    assert q.speaker.role == "العقيد قائد جماعة جيش العزة"
    assert q.speaker.mention.text == "العقيد مصطفى بكور قائد جماعة جيش العزة"


def test_dropped_subject_has_no_mention():
    q1, q2 = run("وقال سالم إن الوضع مستقر. وأضاف: «سنفتح المعبر».")
    assert q1.speaker.resolution == "explicit"
    assert q2.speaker.mention is None
    assert q2.speaker.resolution == "dropped-subject"


def test_speaker_table_merges_mentions():
    res = EX.extract("قال محمد العموري إن الاحتجاج سلمي. وقال العموري «لن نتراجع».")
    assert [(e.name, e.aliases, len(e.mentions)) for e in res.speakers] == [("محمد العموري", ("العموري",), 2)]


# --- outlets and dates ---------------------------------------------------------

OUTLETS = [
    ("وقال العموري لوكالة فرانس برس إن القصف مستمر.", ("لوكالة فرانس برس", "AFP", "told")),
    ("وقال برنارد سميث من الجزيرة إن المحتجين عبروا الحدود.", ("من الجزيرة", "Al Jazeera", "affiliation")),
    ("وكتب سالم عبر حسابه على تويتر أن الاجتماع تأجل.", ("عبر حسابه على تويتر", "Twitter", "platform")),
    # an unnamed platform is not an outlet
    ("وكتب سالم في تغريدة أن الاجتماع تأجل.", None),
    # a platform is an outlet as the medium of the words, not as an employer
    ("وقال سالم في تغريدة على تويتر إن الاجتماع تأجل.", ("في تغريدة على تويتر", "Twitter", "platform")),
    ("وقال نائب رئيس قسم الإعلانات التابع لفيسبوك إن الأرباح زادت.", None),
    # the outlet of a quotation relayed by an agency
    ("وقالت الوزارة، وفقا لما نقلته وكالة الأنباء السعودية، إن الهجوم فشل.",
     ("وكالة الأنباء السعودية", "SPA", "according-to")),
]


@pytest.mark.parametrize("text,expected", OUTLETS)
def test_outlets(text, expected):
    (q,) = run(text)
    got = (q.outlet.span.text, q.outlet.name, q.outlet.relation) if q.outlet else None
    assert got == expected


DATES = [
    ("وقال سالم يوم الخميس إن المعبر سيفتح.", ("يوم الخميس", "2019-08-29", "relative")),
    ("وقال سالم أمس إن المعبر سيفتح.", ("أمس", "2019-08-29", "relative")),
    ("وقال سالم الجمعة إن المعبر سيفتح.", ("الجمعة", "2019-08-30", "relative")),
    ("وكتب سالم في تموز أن المعبر سيفتح.", ("في تموز", "2019-07", "explicit")),
    # a vague phrase before a weekday: the weekday gives the date
    ("وقال سالم في وقت سابق الخميس إن المعبر سيفتح.", ("في وقت سابق الخميس", "2019-08-29", "relative")),
    ("وقال سالم في وقت سابق إن المعبر سيفتح.", ("في وقت سابق", None, "relative")),
    # a date between commas after an organisation subject, before the object
    ("وأعلنت وزارة التعليم المغربية، الخميس، تفاصيل الخطة.", ("الخميس", "2019-08-29", "relative")),
    # a date inside the content belongs to the event, not to the utterance
    ("وقال سالم إن وقف إطلاق النار انهار في 5 أغسطس.", None),
]


@pytest.mark.parametrize("text,expected", DATES)
def test_dates(text, expected):
    (q,) = run(text)
    got = (q.date.span.text, q.date.value, q.date.resolution) if q.date else None
    assert got == expected


DATES_OF_SEVERAL = [
    # a report inside another's words does not take the outer utterance's date
    ('قال الاتحاد في بيان يوم الخميس إنه أوقف الحكم بسبب تسجيل قال فيه "لن أعتذر".',
     ["2019-08-29", None]),
    # a date inside one report's words is not the time of the next report in the sentence
    ("وقال سالم إن المعبر أغلق في 5 أغسطس، مضيفا أن العمل جار.", [None, None]),
    # ... while the utterance's own date is shared by its participle
    ("وقال سالم يوم الخميس إن المعبر أغلق، مضيفا أن العمل جار.", ["2019-08-29", "2019-08-29"]),
]


@pytest.mark.parametrize("text,expected", DATES_OF_SEVERAL)
def test_dates_of_several_reports(text, expected):
    assert [q.date.value if q.date else None for q in run(text)] == expected


CHANNELS = [
    ("وقال المتحدث في بيان إن الاجتماع تأجل.", "في بيان"),
    ("وقال المتحدث في مؤتمر صحفي إن الاجتماع تأجل.", "في مؤتمر صحفي"),
    ("وقال المتحدث إن الاجتماع تأجل.", None),
]


@pytest.mark.parametrize("text,expected", CHANNELS)
def test_channels(text, expected):
    (q,) = run(text)
    assert (q.channel.text if q.channel else None) == expected


# --- records -----------------------------------------------------------------


def test_every_span_slices_back_on_the_seed_article(seed_article):
    res = EX.extract(seed_article, published="2019-08-30")
    assert len(res.quotes) >= 30
    for q in res.quotes:
        for span in (q.content, q.cue and q.cue.span, q.speaker and q.speaker.mention,
                     q.outlet and q.outlet.span, q.date and q.date.span):
            if span:
                assert seed_article[span.start:span.end] == span.text


def test_evidence_names_the_rules():
    (q,) = run("قال وزير الخارجية أحمد سالم إن المفاوضات ستستأنف.")
    assert q.evidence == ("cue:verb.perfect", "content:complementizer", "speaker:after-cue")
    assert 0.0 < q.confidence <= 1.0


def test_module_level_extract_matches_extractor():
    text = "قال وزير الخارجية أحمد سالم إن المفاوضات ستستأنف."
    assert quotes.to_json(quotes.extract(text)) == quotes.to_json(EX.extract(text))


@pytest.mark.parametrize("part", [("seed", "gold.jsonl"), ("dev", "gold.jsonl"), ("unlabeled", "docs.jsonl")])
def test_every_shared_document_extracts_without_an_error_record(part):
    """Real articles reach constructions no table above has: none may end in an error record,
    and every record must slice back into its document and validate."""
    import json

    from conftest import shared_file
    from quotes.records import to_json
    from quotes.schemas import validate

    path = shared_file("corpus", *part)
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        doc.pop("quotes", None)
        out = to_json(EX.extract_record(doc))
        assert out["error"] is None, (doc["doc_id"], out["error"])
        validate(out, "output")
        for q in out["quotes"]:
            assert doc["text"][q["content"]["start"]:q["content"]["end"]] == q["content"]["text"]
