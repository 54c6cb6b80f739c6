"""DEB's lexicons in the languages scrapes come in that DEB did not know (issue #14): the "read also" label with
its teaser, ad markers, copy-link and share buttons, cookie banners, comment counts and copyright lines are page
furniture in Thai, Malay, Swahili, Persian, Urdu, Bengali, Tamil, Serbian, Croatian, Slovene, Bulgarian,
Lithuanian, Latvian, Estonian, Icelandic, Norwegian, Afrikaans, Basque, Galician, ... while the article's
paragraphs around them are kept. The pages were written for these tests, not taken from the dev data."""

from __future__ import annotations

import pytest

from scrapelint.models import Finding

from .conftest import lint_text
from .test_deb import article

# headline, byline and three paragraphs of a short news article per language
PAGES = {
    "ms": (
        "Kerajaan umum peruntukan baharu untuk sekolah luar bandar",
        "Oleh Siti Aminah",
        "Kementerian Pendidikan hari ini mengumumkan peruntukan sebanyak RM500 juta untuk membaiki bangunan sekolah "
        "di kawasan luar bandar yang rosak akibat banjir tahun lalu.",
        "Menurut menteri, kerja-kerja pembaikan akan bermula pada bulan Januari dan dijangka siap sebelum sesi "
        "persekolahan baharu bermula pada bulan Mac depan.",
        "Ibu bapa di kawasan terlibat menyambut baik pengumuman itu kerana anak-anak mereka terpaksa belajar di "
        "dewan orang ramai sejak beberapa bulan yang lalu.",
    ),
    "sw": (
        "Serikali yatangaza mpango mpya wa barabara vijijini",
        "Na Juma Mwinyi",
        "Serikali imetangaza mpango wa kujenga barabara mpya za vijijini katika mikoa kumi ili kurahisisha "
        "usafirishaji wa mazao kutoka mashambani hadi sokoni.",
        "Waziri wa Ujenzi amesema kwamba mradi huo utagharimu shilingi bilioni mia mbili na utakamilika ndani ya "
        "miaka mitatu ijayo kama ilivyopangwa.",
        "Wakulima wa eneo hilo wamesema kwamba barabara hizo zitawasaidia kupunguza hasara wanayoipata kila mwaka "
        "wakati wa msimu wa mvua.",
    ),
    "fa": (
        "افتتاح کتابخانه جدید در مرکز شهر اصفهان",
        "گروه فرهنگی",
        "کتابخانه مرکزی جدید اصفهان روز گذشته با حضور شهردار و جمعی از مسئولان فرهنگی استان افتتاح شد و از هفته "
        "آینده به روی مردم باز خواهد بود.",
        "به گفته مدیر این کتابخانه، بیش از دویست هزار جلد کتاب در این مجموعه نگهداری می‌شود و سالن مطالعه آن "
        "گنجایش پانصد نفر را دارد.",
        "شهروندان می‌توانند با ثبت نام در سامانه الکترونیکی کتابخانه، کتاب‌های مورد نظر خود را از پیش رزرو کنند "
        "و در زمان مناسب تحویل بگیرند.",
    ),
    "ur": (
        "لاہور میں نئی میٹرو بس سروس کا آغاز",
        "اسٹاف رپورٹر",
        "لاہور میں نئی میٹرو بس سروس کا آغاز کر دیا گیا ہے جس سے روزانہ ایک لاکھ سے زائد مسافر فائدہ اٹھا سکیں "
        "گے اور سفر کا وقت کم ہو جائے گا۔",
        "حکام کے مطابق اس منصوبے پر تیس ارب روپے لاگت آئی ہے اور اس کے راستے میں پچیس اسٹیشن بنائے گئے ہیں جہاں "
        "جدید سہولیات فراہم کی گئی ہیں۔",
        "شہریوں نے اس منصوبے کا خیر مقدم کیا ہے تاہم کچھ تاجروں نے تعمیراتی کام کے دوران ہونے والے نقصان کے "
        "ازالے کا مطالبہ کیا ہے۔",
    ),
    "bn": (
        "ঢাকায় নতুন উড়ালসড়ক খুলে দেওয়া হলো",
        "নিজস্ব প্রতিবেদক",
        "রাজধানীর যানজট কমাতে নির্মিত নতুন উড়ালসড়কটি আজ সকালে যান চলাচলের জন্য খুলে দেওয়া হয়েছে বলে সড়ক পরিবহন মন্ত্রণালয় জানিয়েছে।",
        "কর্মকর্তারা বলছেন, এই উড়ালসড়কের ফলে বিমানবন্দর থেকে শহরের কেন্দ্রে পৌঁছাতে আগের চেয়ে প্রায় এক ঘণ্টা কম সময় লাগবে।",
        "তবে যাত্রীদের অনেকে বলছেন, উড়ালসড়কের নিচের রাস্তায় এখনো নির্মাণসামগ্রী পড়ে থাকায় সেখানে যানজট কমেনি।",
    ),
    "ta": (
        "மதுரையில் புதிய பேருந்து நிலையம் திறப்பு",
        "நமது நிருபர்",
        "மதுரை மாநகரில் கட்டப்பட்ட புதிய ஒருங்கிணைந்த பேருந்து நிலையத்தை முதல்வர் இன்று காலை திறந்து வைத்தார் "
        "என்று அரசு செய்திக்குறிப்பில் தெரிவிக்கப்பட்டுள்ளது.",
        "இந்த பேருந்து நிலையத்தில் ஒரே நேரத்தில் நூறு பேருந்துகள் நிறுத்த முடியும் என்றும் பயணிகளுக்கு குடிநீர் "
        "மற்றும் ஓய்வறை வசதிகள் உள்ளன என்றும் அதிகாரிகள் கூறினர்.",
        "பழைய பேருந்து நிலையத்தில் இருந்த கடைகள் அடுத்த மாதம் முதல் புதிய இடத்திற்கு மாற்றப்படும் என்று மாநகராட்சி அறிவித்துள்ளது.",
    ),
    "sr": (
        "Нови мост преко Дунава биће завршен до лета",
        "Аутор: Марко Петровић",
        "Радови на изградњи новог моста преко Дунава код Новог Сада улазе у завршну фазу, а мост би требало да буде "
        "отворен за саобраћај до почетка лета.",
        "Како је саопштило градско предузеће, на мосту ће бити по две траке у оба смера, као и посебна стаза за "
        "бициклисте и пешаке.",
        "Грађани се надају да ће нови мост растеретити саобраћај у центру града, где се у јутарњим сатима стварају "
        "велике гужве.",
    ),
    "hr": (
        "Split dobiva novu liniju gradskog prijevoza prema zračnoj luci",
        "Autor: Ana Kovač",
        "Od prvog dana prosinca gradski autobusi vozit će izravno od središta Splita do zračne luke, a polasci će "
        "biti svakih trideset minuta tijekom cijelog dana.",
        "U gradskoj upravi kažu da su liniju uveli zbog sve većeg broja putnika koji i zimi dolaze u grad te da će "
        "karta stajati dva eura.",
        "Taksisti su nezadovoljni odlukom jer smatraju da će izgubiti dio zarade, ali građani uglavnom pozdravljaju "
        "novu liniju.",
    ),
    "sl": (
        "Maribor bo dobil novo knjižnico",
        "Avtor: Maja Novak",
        "Mestna občina Maribor je predstavila načrte za novo osrednjo knjižnico, ki jo bodo začeli graditi prihodnje "
        "leto na mestu nekdanje tovarne ob Dravi.",
        "Knjižnica bo imela več kot tri tisoč kvadratnih metrov površin, v njej pa bodo tudi čitalnica, prostori za "
        "otroke in dvorana za prireditve.",
        "Župan je dejal, da bo gradnja stala približno dvajset milijonov evrov in da jo bodo delno financirali z "
        "evropskimi sredstvi.",
    ),
    "bg": (
        "Пловдив въвежда нови електрически автобуси",
        "Иван Георгиев",
        "От началото на следващия месец в Пловдив ще започнат да се движат двадесет нови електрически автобуса, "
        "съобщиха от общината.",
        "Автобусите са закупени със средства по европейска програма и ще обслужват най-натоварените линии между "
        "центъра и големите квартали.",
        "Кметът заяви, че до края на годината градът ще получи още десет превозни средства и ще изгради нови "
        "зарядни станции.",
    ),
    "lt": (
        "Kaune atidaryta nauja biblioteka",
        "Jonas Petraitis",
        "Kauno centre po ilgos rekonstrukcijos atidaryta nauja miesto biblioteka, kurioje skaitytojai ras daugiau "
        "nei šimtą tūkstančių knygų.",
        "Bibliotekos direktorė sakė, kad pastate įrengtos erdvės vaikams, jaunimui ir tyliam darbui, o skaitykla "
        "bus atvira ir savaitgaliais.",
        "Rekonstrukcija kainavo apie aštuonis milijonus eurų, didžiąją dalį lėšų skyrė Europos Sąjunga ir miesto "
        "savivaldybė.",
    ),
    "lv": (
        "Liepājā atklāts jauns peldbaseins",
        "Anna Kalniņa",
        "Liepājā pēc divu gadu būvdarbiem atklāts jauns peldbaseins, kurā vienlaikus varēs peldēt vairāk nekā "
        "divi simti apmeklētāju.",
        "Pilsētas dome norāda, ka baseins būs pieejams arī skolēniem, kuri tajā apgūs peldēšanas prasmes mācību "
        "stundu laikā.",
        "Būvniecība izmaksāja astoņus miljonus eiro, un to daļēji finansēja Eiropas Savienības fondi un valsts "
        "budžets.",
    ),
    "et": (
        "Tartus avati uus jalgrattatee",
        "Mari Kask",
        "Tartu linn avas teisipäeval uue jalgrattatee, mis ühendab kesklinna ülikooli linnakuga ning on mõeldud nii "
        "ratturitele kui ka jalakäijatele.",
        "Linnavalitsuse sõnul maksis tee ehitus kaks miljonit eurot ja selle pikkus on neli kilomeetrit, teele "
        "paigaldati ka uued tänavavalgustid.",
        "Elanikud on uue teega rahul, kuid mõned soovivad, et linn ehitaks rohkem rattaparklaid kaubanduskeskuste "
        "juurde.",
    ),
    "is": (
        "Ný sundlaug opnuð á Akureyri",
        "Jón Jónsson",
        "Ný sundlaug var opnuð á Akureyri í gær og er hún sú stærsta á Norðurlandi, með tveimur útilaugum og "
        "stórri rennibraut fyrir börnin.",
        "Bæjarstjórinn sagði að framkvæmdirnar hefðu tekið tvö ár og kostað um þrjá milljarða króna sem greiddir "
        "voru af bænum og ríkinu.",
        "Bæjarbúar hafa beðið lengi eftir nýrri laug og fyrsta daginn komu yfir þúsund gestir til að prófa hana.",
    ),
    "no": (
        "Trondheim får ny bybro over Nidelva",
        "Ola Nordmann",
        "Trondheim kommune har vedtatt å bygge en ny bro over Nidelva, og arbeidet skal etter planen starte til "
        "våren og være ferdig om to år.",
        "Broen blir bare for syklister og fotgjengere, og den skal knytte sammen de nye boligområdene på begge "
        "sider av elva.",
        "Prosjektet er beregnet til å koste rundt tre hundre millioner kroner, og staten dekker halvparten av "
        "kostnadene.",
    ),
    "af": (
        "Nuwe biblioteek in Stellenbosch geopen",
        "Pieter Botha",
        "Die nuwe openbare biblioteek in Stellenbosch is gister amptelik geopen en sal vanaf Maandag elke dag van "
        "die week oop wees vir die publiek.",
        "Volgens die munisipaliteit het die gebou twintig miljoen rand gekos en bevat dit meer as vyftigduisend "
        "boeke en ’n groot leeskamer.",
        "Inwoners van die dorp het die opening verwelkom omdat die ou biblioteek al jare te klein was vir die "
        "groeiende bevolking.",
    ),
    "eu": (
        "Donostiak liburutegi berria izango du",
        "Miren Agirre",
        "Donostiako Udalak liburutegi berri bat eraikiko du Egia auzoan, eta obrak datorren urtean hasiko dira "
        "udalak gaur jakinarazi duenez.",
        "Liburutegiak hiru solairu izango ditu, eta haurrentzako gune berezi bat eta ikasteko gela handi bat ere "
        "izango ditu.",
        "Auzokideek aspalditik eskatzen zuten liburutegi bat, eta pozik hartu dute udalaren erabakia.",
    ),
    "gl": (
        "A Coruña terá un novo parque á beira do mar",
        "Antía Castro",
        "O Concello da Coruña presentou onte o proxecto dun novo parque de seis hectáreas que se construirá nos "
        "antigos terreos do porto.",
        "Segundo o alcalde, as obras comezarán na primavera e o parque terá zonas de xogo, un carril bici e unha "
        "praza para concertos.",
        "Os veciños do barrio levaban anos pedindo máis zonas verdes e celebraron a noticia nas redes sociais.",
    ),
    "th": (
        "เชียงใหม่เปิดเส้นทางรถไฟฟ้าสายใหม่",
        "ผู้สื่อข่าว",
        "จังหวัดเชียงใหม่ได้เปิดให้บริการรถไฟฟ้าสายใหม่อย่างเป็นทางการเมื่อวันจันทร์ที่ผ่านมา โดยเส้นทางนี้จะเชื่อมต่อสนามบิน "
        "กับตัวเมือง และมีสถานีทั้งหมด สิบสอง สถานี ตลอดเส้นทาง ซึ่งคาดว่าจะช่วยลดปัญหาการจราจรได้มาก",
        "ผู้ว่าราชการจังหวัดกล่าวว่า โครงการนี้ใช้งบประมาณกว่า ห้าพันล้านบาท และใช้เวลาก่อสร้างประมาณ สามปี "
        "โดยรถไฟฟ้าจะเปิดให้บริการตั้งแต่เวลาหกโมงเช้าถึงเที่ยงคืนทุกวัน เพื่อรองรับนักท่องเที่ยวและประชาชน",
        "ประชาชนในพื้นที่ต่างแสดงความยินดีกับโครงการนี้ เนื่องจากช่วยให้การเดินทางไปทำงานสะดวกและรวดเร็วขึ้น "
        "อีกทั้งยังช่วยลดมลพิษทางอากาศในตัวเมืองเชียงใหม่ ซึ่งเป็นปัญหาสำคัญในช่วงฤดูแล้งของทุกปี",
    ),
}

# (language, the furniture line, the rule that reports it): set between the article's 2nd and 3rd paragraphs
INLINE = [
    ("ms", "BACA JUGA: Banjir di Kelantan semakin pulih", "DEB001"),
    ("ms", "Iklan", "DEB003"),
    ("ms", "Laman web ini menggunakan kuki untuk memberikan pengalaman terbaik kepada anda. Setuju", "DEB002"),
    ("sw", "SOMA ZAIDI: Bei ya mafuta yapanda tena", "DEB001"),
    ("sw", "Tangazo", "DEB003"),
    ("sw", "Tovuti hii inatumia vidakuzi. Kubali", "DEB002"),
    ("fa", "بیشتر بخوانید: قیمت بلیت مترو افزایش یافت", "DEB001"),
    ("fa", "اشتراک‌گذاری", "DEB001"),
    ("ur", "اشتہار", "DEB003"),
    ("ur", "شیئر کریں", "DEB001"),
    ("bn", "বিজ্ঞাপন", "DEB003"),
    ("bn", "ফেসবুকে শেয়ার করুন", "DEB001"),
    ("ta", "இதையும் படிக்க: சென்னையில் கனமழை எச்சரிக்கை", "DEB001"),
    ("ta", "விளம்பரம்", "DEB003"),
    ("sr", "Оглас", "DEB003"),
    ("sr", "Прочитајте још: Скупља карта за градски превоз", "DEB001"),
    ("sr", "Овај сајт користи колачиће. Прихватам", "DEB002"),
    ("hr", "PROČITAJTE I: Advent u Zagrebu počinje ranije", "DEB001"),
    ("hr", "Oglas", "DEB003"),
    ("hr", "Kopiraj link", "DEB001"),
    ("sl", "Preberite še: V Ljubljani odprli novo kolesarsko stezo", "DEB001"),
    ("sl", "Spletna stran uporablja piškotke. Se strinjam", "DEB002"),
    ("bg", "Прочетете още: Цените на билетите остават същите", "DEB001"),
    ("bg", "Този сайт използва бисквитки. Приемам", "DEB002"),
    ("lt", "Taip pat skaitykite: Vilniuje atsiras daugiau pėsčiųjų zonų", "DEB001"),
    ("lt", "Ši svetainė naudoja slapukus. Sutinku", "DEB002"),
    ("lv", "Lasi vēl: Sabiedriskā transporta biļetes kļūs dārgākas", "DEB001"),
    ("lv", "Reklāma", "DEB003"),
    ("lv", "Šī vietne izmanto sīkdatnes. Piekrītu", "DEB002"),
    ("et", "Loe ka: Ühistranspordi piletihinnad tõusevad jaanuarist", "DEB001"),
    ("et", "Reklaam", "DEB003"),
    ("et", "Kasutame küpsiseid. Nõustun", "DEB002"),
    ("is", "Lesa meira: Strætó hækkar fargjöld um áramót", "DEB001"),
    ("is", "Auglýsing", "DEB003"),
    ("is", "Þessi vefur notar vafrakökur. Samþykkja", "DEB002"),
    ("no", "Les også: Bussbillettene blir dyrere fra nyttår", "DEB001"),
    ("no", "Annonse", "DEB003"),
    ("no", "NRK bruker informasjonskapsler. Godta alle", "DEB002"),
    ("af", "Advertensie", "DEB003"),
    ("af", "Hierdie webwerf gebruik koekies. Aanvaar", "DEB002"),
    ("eu", "Irakurri gehiago: Bizkaibuseko txartelak garestitu egingo dira", "DEB001"),
    ("eu", "Publizitatea", "DEB003"),
    ("eu", "Webgune honek cookieak erabiltzen ditu. Onartu", "DEB002"),
    ("gl", "Le tamén: A Xunta licita a nova estación de autobuses", "DEB001"),
    ("gl", "Esta web usa cookies. Aceptar", "DEB002"),
    ("th", "โฆษณา", "DEB003"),
    ("th", "เว็บไซต์นี้ใช้คุกกี้เพื่อเพิ่มประสบการณ์การใช้งาน", "DEB002"),
    ("th", "คัดลอกลิงก์", "DEB001"),
]


def _page(language: str, *middle: str, after: tuple[str, ...] = ()) -> tuple[str, list[str]]:
    """The article in `language` with `middle` lines after its 2nd paragraph: the text and its paragraphs."""
    headline, byline, *paragraphs = PAGES[language]
    lines = [headline, byline, *paragraphs[:2], *middle, paragraphs[2], *after]
    return "\n\n".join(lines), paragraphs


def _covered(text: str, findings: list[Finding], line: str) -> list[str]:
    """The rules of the findings whose span holds `line`."""
    start = text.index(line)
    return [f.rule for f in findings if f.start <= start and start + len(line) <= f.end]


def _touched(text: str, findings: list[Finding], paragraph: str) -> list[str]:
    """The rules of the findings whose span overlaps `paragraph`."""
    start = text.index(paragraph)
    return [f.rule for f in findings if f.start < start + len(paragraph) and start < f.end]


@pytest.mark.parametrize(("language", "line", "rule"), INLINE, ids=[f"{c[0]}-{c[2]}-{i}" for i, c in enumerate(INLINE)])
def test_furniture_inside_an_article_in_its_language_is_reported(language: str, line: str, rule: str) -> None:
    text, paragraphs = _page(language, line)
    findings = lint_text(text, select=["DEB"])
    assert rule in _covered(text, findings, line)
    for paragraph in paragraphs:
        assert _touched(text, findings, paragraph) == []


# "read also" on its own line, its teaser under it: both go, the paragraph after them stays
LABELS = [
    ("sr", "Прочитајте још:", "Од децембра скупља карта за превоз у Београду"),
    ("hr", "PROČITAJTE JOŠ", "Beograd dobija novi most preko Save"),
    ("fa", "بیشتر بخوانید:", "بلیت مترو از اول آذر گران می‌شود"),
    ("bn", "আরও পড়ুন", "মেট্রোরেলের ভাড়া কমানোর দাবি"),
    ("is", "Lesa meira:", "Strætó hækkar fargjöld um áramót"),
]


@pytest.mark.parametrize(("language", "label", "teaser"), LABELS)
def test_a_read_also_label_and_its_teaser_are_removed_together(language: str, label: str, teaser: str) -> None:
    text, paragraphs = _page(language, label, teaser)
    findings = lint_text(text, select=["DEB"])
    assert _covered(text, findings, label) and _covered(text, findings, teaser)
    assert all(f.fix is not None and f.fix.applicability == "safe" for f in findings if text.index(label) < f.end)
    for paragraph in paragraphs:
        assert _touched(text, findings, paragraph) == []


# the end of a page: a copyright line, a comment count, a most-read heading over a teaser
FOOTERS = [
    ("ms", ("Berita Berkaitan", "Jalan ke Gua Musang ditutup", "Hak Cipta Terpelihara 2024 © Berita Harian")),
    ("ur", ("مزید خبریں", "لاہور میں اسموگ، اسکول بند", "جملہ حقوق محفوظ ہیں © 2024 جنگ")),
    ("fa", ("پربازدیدترین", "قیمت دلار امروز", "تمامی حقوق برای همشهری آنلاین محفوظ است.")),
    ("sl", ("Komentarji (24)", "Najbolj brano", "Napoved vremena: Sneg do nižin", "© 2024 PRO PLUS d.o.o.")),
    ("hr", ("Komentiraj (12)", "Najčitanije", "Vremenska prognoza: Stiže snijeg u Liku", "Sva prava pridržana.")),
    ("gl", ("O máis lido", "O tempo: chuvia intensa en toda Galiza", "Nós Diario. Todos os dereitos reservados.")),
    ("no", ("Mest lest", "Været: Kraftig regn på Vestlandet", "Ansvarlig redaktør: Vibeke Fürst Haugen")),
]


@pytest.mark.parametrize(("language", "footer"), FOOTERS)
def test_the_page_footer_in_the_articles_language_is_reported(language: str, footer: tuple[str, ...]) -> None:
    text, paragraphs = _page(language, after=footer)
    findings = lint_text(text, select=["DEB"])
    for line in footer:
        assert _covered(text, findings, line), line
    for paragraph in paragraphs:
        assert _touched(text, findings, paragraph) == []


# one line of each family in more languages, inside an English article: the lexicon knows it wherever it stands
LINES = [
    ("Copiar link", "DEB001"),
    ("Copier le lien", "DEB001"),
    ("Kopírovať odkaz", "DEB001"),
    ("Kopiér link", "DEB001"),
    ("Kopioi linkki", "DEB001"),
    ("Publireportage", "DEB003"),
    ("Publicitat", "DEB003"),
    ("Quảng cáo", "DEB003"),
    ("פרסומת", "DEB003"),
    ("ALSO READ | Kusile's unit 5 finally connected to the grid", "DEB001"),
    ("Ez a weboldal sütiket használ a jobb felhasználói élmény érdekében.", "DEB002"),
    ("Aquest lloc web utilitza galetes pròpies i de tercers per millorar la vostra experiència.", "DEB002"),
    ("Vi använder kakor för att ge dig en bättre upplevelse.", "DEB002"),
    ("Käytämme evästeitä parantaaksemme käyttökokemusta.", "DEB002"),
    ("Ми використовуємо файли cookie, щоб покращити роботу сайту.", "DEB002"),
    # the red team's English notices: a blog platform's and a podcast's boxes, a paywall that names a price
    ("Thanks for reading The Slow Lane! Subscribe for free to receive new posts and support my work.", "DEB001"),
    ("Subscribe to News24 for R75 per month to read all our stories.", "DEB001"),
    ("Enjoyed this episode? Leave us a review on Apple Podcasts.", "DEB001"),
    ("If you enjoyed this, give it a clap and follow me for more.", "DEB001"),
]


@pytest.mark.parametrize(("line", "rule"), LINES)
def test_a_furniture_line_of_another_language_is_reported(line: str, rule: str) -> None:
    page = article(middle=(line,))
    findings = lint_text(page, select=["DEB"])
    assert [f.rule for f in findings if page[f.start : f.end] == line] == [rule]
    assert len(findings) == 1


# weak words stay where they could be prose: a one-word line between paragraphs is a heading, not a button
@pytest.mark.parametrize(("language", "word"), [("no", "Del"), ("et", "Jaga"), ("sl", "Deli"), ("ms", "Kongsi")])
def test_a_weak_share_word_between_paragraphs_is_kept(language: str, word: str) -> None:
    text, _ = _page(language, word)
    assert lint_text(text, select=["DEB"]) == []
