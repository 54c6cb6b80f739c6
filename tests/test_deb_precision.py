"""DEB precision on pages that are not news prose: the article's own lines kept, the debris beside them found."""

from __future__ import annotations

import pytest

from .conftest import flagged, lint_text
from .test_deb import PARAGRAPHS, article
from .test_threads import WORDPRESS, threads

# a results table: heats dated like comments, race times like clock times, names with years between them
RESULTS = (
    "800 m Schülerinnen A W15",
    "19.05.2007",
    "Endlauf",
    "1.",
    "Bauer, Anna 1992; Huber, Lena 1992",
    "LG Brenztal",
    "2:42,53",
    "min.",
    "2.",
    "Löffler, Michelle 1992; Maier, Eva 1993",
    "SSV Ulm 1846",
    "2:44,10",
    "min.",
    "80 m Hürden Schülerinnen A W15",
    "19.05.2007",
    "1. Zeitlauf",
    "1.",
    "Klein, Nicole 1992; Schyma, Kathrin 1992",
    "SSV Ulm 1846",
    "13,13",
    "sec.",
)


def test_a_results_table_is_no_comment_thread_but_a_thread_after_it_is() -> None:
    text = article(after=RESULTS)
    assert threads(text) == []
    text = article(after=(*RESULTS, *WORDPRESS))
    [found] = [text[f.start : f.end] for f in threads(text)]
    assert found.endswith("\n\n".join(WORDPRESS))
    assert "Bauer, Anna" not in found  # (the last heat, within a comment's distance of the thread, joins it)


GERMAN_POST = (
    "Startseite",
    "Impressum",
    "Nummer zwei: Leo",
    "3. August 2015",
    "Es ist schon einige Zeit her, als Henry auf die Welt kam, und vor ein paar Tagen hat es auch Leo "
    "geschafft, der nun endlich bei uns ist.",
    "So sah es aus, als Henry den Neuen das erste Mal sah und mit ihm sprach.",
    *("Suchen", "Kategorien", "Kontakt", "Datenschutz", "Newsletter") * 4,
)
SIDEBAR = (
    "Über mich",
    "Ich schreibe hier seit vielen Jahren über die Dinge, die mir im Alltag mit der Familie und den Kindern so "
    "begegnen, und über alles, was mich dabei bewegt und was ich mit euch teilen möchte.",
    "Wer mehr wissen will, der kann mir jederzeit eine Nachricht schreiben, denn ich freue mich über jede "
    "Zuschrift und antworte so schnell es geht, meistens noch am selben Tag.",
    "Neueste Beiträge",
    "Datenschutz",
    "Impressum",
)


def test_a_short_paragraph_of_german_prose_above_the_body_is_kept() -> None:
    text = "\n\n".join((*GERMAN_POST, *SIDEBAR))
    found = flagged(text, lint_text(text, select=["DEB"]))
    assert not any("Henry" in span for span in found)  # the post's own paragraphs
    assert any("Newsletter" in span for span in found)  # the menu between them and the sidebar


def test_two_dated_quotes_inside_the_article_are_no_thread_a_thread_after_it_is() -> None:
    # two embedded tweets, each signed with its date, with the article going on after them
    quotes = (
        "We stand with the families tonight and we will keep asking the council for answers on the budget.",
        "— Seth Goldstein (@Rabbi_360) January 7, 2020",
        "The vote was a disgrace and the people of the northern districts deserve much better than this plan.",
        "— Drew Mikkelsen (@drewmikkelsenk5) January 6, 2020",
    )
    text = article(middle=quotes)
    assert threads(text) == []
    more = tuple(f"{sentence} ({n})" for n in range(2) for sentence in PARAGRAPHS)  # a comment's distance on
    text = article(middle=quotes, after=(*more, *WORDPRESS))
    assert [text[f.start : f.end] for f in threads(text)] == ["\n\n".join(WORDPRESS)]


def test_a_spanish_read_also_heading_is_interface_text() -> None:
    from scrapelint.rules.deb import lexicon_kind

    assert lexicon_kind("Lee también...") == "ui"
    assert lexicon_kind("El ministro también habló de la crisis del transporte.") is None


def test_a_have_your_say_link_above_the_article_is_interface_text() -> None:
    text = article("Home", "News", "Have your say")
    found = flagged(text, lint_text(text, select=["DEB"]))
    assert any("Have your say" in span for span in found)
    assert not any(paragraph in span for span in found for paragraph in PARAGRAPHS)


def test_a_table_written_with_bars_is_the_articles_and_a_menu_bar_is_not() -> None:
    # a Markdown table's header row ("| Team | P | W |") has the short cells of a menu bar; its opening and closing
    # bars, as the rows under it, make it a table (html2text and Markdown converters write them so)
    table = (
        "| Team | P | W | D | L | Pts |",
        "| Arsenal | 38 | 26 | 6 | 6 | 84 |",
        "| Chelsea | 38 | 21 | 9 | 8 | 72 |",
    )
    text = "\n\n".join([*PARAGRAPHS[:3], *table, PARAGRAPHS[3]])
    assert flagged(text, lint_text(text, select=["DEB"])) == []
    menu = "Home | News | Sport | Business | Contact"
    assert flagged(menu + "\n\n" + text, lint_text(menu + "\n\n" + text, select=["DEB"])) == [menu]


# Chinese writes no spaces between words: each sentence is one run of characters
CHINESE_ARTICLE = (
    "首页\n新闻\n体育\n财经\n"
    "北京新开一家图书馆\n"
    "市政府周二宣布，位于朝阳区的新图书馆将于下月正式向公众开放。这座图书馆共有五层，藏书超过三十万册。\n"
    "馆长表示，图书馆将延长开放时间，周末也会举办面向儿童的阅读活动。\n"
    "许多居民对此表示欢迎。一位住在附近的老师说，她以后可以带学生来这里上课。\n"
    "独立制作\n"
    "图书馆还设有一个小型电影院，每周放映两部纪录片。\n"
    "据介绍，该项目总投资约两亿元，历时三年建成。"
)


def test_a_chinese_article_is_prose_and_the_menu_above_it_is_not() -> None:
    # counted as one word a sentence, Chinese prose read as short lines: no body, so the menu went unseen
    found = flagged(CHINESE_ARTICLE, lint_text(CHINESE_ARTICLE, select=["DEB"]))
    assert found == ["首页\n新闻\n体育\n财经"]


def test_a_link_under_the_last_paragraph_is_no_sign_off_but_an_agency_is() -> None:
    # the line right under the article was kept whatever it said, for wire sign-offs; a prompt is furniture
    related = (
        "Hier geht es zur neuen Vorstandsstruktur",
        "Bundesrat stimmt neuem Haushalt zu",
        "Wetter: Sonne am Sonntag",
        "Polizei sucht Zeugen nach Unfall",
        "Stadtfest lockt tausende Besucher",
    )
    text = article(after=related)
    assert flagged(text, lint_text(text, select=["DEB"])) == ["\n\n".join(related)]
    for sign_off in ("- REUTERS", "Bureau Report", "(dpa)", "The vote is expected on Friday."):
        text = article(after=(sign_off, *related[1:]))
        assert flagged(text, lint_text(text, select=["DEB"])) == ["\n\n".join(related[1:])], sign_off


@pytest.mark.parametrize(
    "footer",
    [
        ("Diesen Artikel teilen", "Teilweise bewölkt", "hallo@beispiel.de"),
        ("Share this article", "Partly cloudy", "Contact us"),
    ],
)
def test_short_lines_in_the_footer_are_furniture_whatever_their_words(footer: tuple[str, ...]) -> None:
    # once the page's furniture has begun below the article, a label no lexicon knows is more of it
    text = article(after=footer)
    assert flagged(text, lint_text(text, select=["DEB"])) == ["\n\n".join(footer)]


def test_a_table_right_under_the_article_is_kept_before_the_footer() -> None:
    table = ("Final standings", "Team A 12", "Team B 9")
    text = article(after=(*table, "Share this article", "Partly cloudy"))
    assert flagged(text, lint_text(text, select=["DEB"])) == ["Share this article\n\nPartly cloudy"]


def test_a_menu_over_a_kicker_is_found_and_the_headline_kept() -> None:
    # a two-word kicker over the headline is a section's label, not the headline's upper line: the menu's last
    # item above it is no longer taken for the article's
    menu = ("Rugby League", "Golf", "Formula One", "Horse racing")
    text = "\n\n".join([*menu, "Local politics", "Council passes budget after long debate", "15:43 - 13th, Jan 2008"])
    text += "\n\n" + "\n\n".join(PARAGRAPHS)
    assert flagged(text, lint_text(text, select=["DEB"])) == ["\n\n".join(menu)]


def _review(pros: str, cons: str, shop_button: str) -> str:
    """A "best of" review: each product's pros and cons as short items, a shop button, then a paragraph on it."""
    products = (
        (
            "1. Sony WH-CH720N",
            "Light and comfortable",
            "Plastic build",
            "The Sony pair was the most comfortable in "
            "our tests, and its noise cancelling was close to that of models twice the price.",
        ),
        (
            "2. Anker Soundcore Q30",
            "Long battery life",
            "Bulky case",
            "The Anker pair lasted forty hours on one "
            "charge, the longest of any pair we tested, and it folds flat for a bag.",
        ),
        (
            "3. JBL Tune 760NC",
            "Loud and clear",
            "No carrying case",
            "The JBL pair was the loudest we tested and its "
            "app lets you shape the sound, though the ear cups get warm within an hour.",
        ),
    )
    lines = [
        "The best budget headphones of 2024",
        "By Sam Lee | Updated March 5, 2024",
        "We tested fourteen pairs of headphones under one hundred dollars over three months, on trains, in "
        "offices and at the gym, and these are the ones we would buy with our own money.",
    ]
    for name, good, bad, paragraph in products:
        lines += [name, pros, good, cons, bad, shop_button, paragraph]
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("pros", "cons", "button"), [("Pros", "Cons", "Check price on Amazon"), ("Vorteile", "Nachteile", "Anzeige")]
)
def test_a_reviews_pros_and_cons_between_its_paragraphs_are_the_article(pros: str, cons: str, button: str) -> None:
    # the short items and the shop button between the paragraphs cut the body into pieces: all but one were
    # "a menu, footer or widget", the reviewed products' paragraphs with them
    text = _review(pros, cons, button)
    findings = lint_text(text, select=["DEB"])
    assert [f.rule for f in findings] == ["DEB003"] * 3
    assert flagged(text, findings) == [button] * 3


def test_a_licence_footer_does_not_outweigh_the_recipe_above_it() -> None:
    # a recipe scores its quantity lines lightly; the footer's notices are long prose, but a site's, not a body
    recipe = (
        "Mandelplätzchen",
        "Zutaten:",
        *("300 g Mehl", "1 TL Backpulver", "100 g gemahlene Mandeln", "200 g Margarine", "200 g Zucker"),
        "Zubereitung:",
        "Alle Zutaten in eine Schüssel geben und mittels Knethaken zu einem glatten Teig verarbeiten.",
        "Diesen auf einer bemehlten Arbeitsfläche ausrollen und beliebige Figuren ausstechen.",
        "Im Ofen in 15 Minuten backen, bis sie goldbraun sind.",
    )
    sidebar = (
        "Suche nach:",
        "Kategorien",
        "› Dessert",
        "› Gebäck",
        "› Snack",
        "Archiv",
        "Dezember 2012",
        "Oktober 2012",
    )
    footer = (
        "Die Bilder in diesem Blog stehen unter einer Creative Commons Namensnennung-NichtKommerziell-KeineBearbeitung"
        " 3.0 Deutschland Lizenz, die Texte ebenso.",
        "Trotz sorgfältiger inhaltlicher Kontrolle übernehme ich keine Haftung für die Inhalte externer Links, für"
        " den Inhalt der verlinkten Seiten sind ausschließlich deren Betreiber verantwortlich, wie das Gesetz es will.",
    )
    text = "\n".join((*recipe, *sidebar, *footer))
    found = flagged(text, lint_text(text, select=["DEB"]))
    assert not any(line in span for span in found for line in recipe)
    assert any("Creative Commons" in span for span in found)


FORUM = (
    "Tomatoes splitting after rain",
    "gardener42",
    "Posted on June 3, 2023 at 9:14 am",
    "My tomatoes keep splitting every time it rains after a dry spell. I water them every other day. Is there anything"
    " I can do to stop it?",
    "Reply",
    "rosie_b",
    "Posted on June 3, 2023 at 10:02 am",
    "That is usually uneven watering. Try mulching around the plants so the soil stays moist, and water deeply twice a"
    " week instead of a little every other day.",
    "Reply",
    "tomfan",
    "Posted on June 3, 2023 at 1:47 pm",
    "Some varieties split less than others. I switched to a crack-resistant cherry variety two years ago and have had"
    " almost no problems since then.",
    "Reply",
    "gardener42",
    "Posted on June 4, 2023 at 8:30 am",
    "Thanks both, I will try the mulch this week and see whether it helps before the next storm.",
    "Reply",
    "Log in to reply",
)


def test_a_forums_last_post_is_the_pages_content_not_a_widget() -> None:
    # the body's sum ended before the last, short post (its name, stamp and button cost more than it says); it
    # goes on below in the body's own shape, the same dated header over each post
    text = "\n".join(FORUM)
    found = flagged(text, lint_text(text, select=["DEB"]))
    assert not any("Thanks both" in span or "gardener42" in span for span in found)
    assert any("Log in to reply" in span for span in found)


def test_a_job_ads_about_us_heading_is_content_and_a_footers_is_not() -> None:
    # a page of lists with one paragraph has no body: a lone heading among its lines is the page's own
    ad = (
        "Senior Data Engineer (m/f/d)",
        "Berlin, full time",
        "About us",
        "We are a team of 40 people building tools that help hospitals plan their staff. Our customers are in Germany,"
        " Austria and Switzerland.",
        "Your tasks",
        "Design and run our data pipelines",
        "Work with the product team on new reports",
    )
    text = "\n".join(ad)
    assert flagged(text, lint_text(text, select=["DEB"])) == []
    footer = "\n".join(["Contact us", "About us", "Privacy Policy"])
    text = "\n\n".join([*PARAGRAPHS, footer])
    assert flagged(text, lint_text(text, select=["DEB"])) == [footer]


# Interface lines the lexicons know in the languages DEB reads, as a whole line; the same words in a sentence are prose
INTERFACE_LINES = (
    *(
        "Rezept drucken",
        "Imprimer la recette",
        "Imprimir receta",
        "Stampa la ricetta",
        "Recept afdrukken",
    ),  # recipe cards
    *("Potrebbe interessarti anche", "Ti potrebbero anche interessare", "Potrebbe interessarti"),  # you may also like
    *("Misschien ook interessant", "Może cię zainteresować", "Вам может быть интересно", "Matérias relacionadas"),
    *("Schrijf je in voor de nieuwsbrief", "Suscríbete a nuestro boletín", "Bei Facebook teilen"),  # newsletter, share
    *("You are here: Home > News > Politics", "Sie sind hier: Startseite > Nachrichten", "Vous êtes ici : Accueil"),
    "Audio is not supported in your browser.",  # a media player's fallback text
    "Your browser does not support the audio element.",
    "Our Standards: The Thomson Reuters Trust Principles.",  # a wire service's footer
    *("Compartilhe esta notícia", "Compartir en redes sociales", "Partager sur LinkedIn", "Condividi questo articolo"),
    *("Deel dit artikel", "Udostępnij na Facebooku", "Поделиться ссылкой"),  # share buttons
    *("Klanten bekeken ook", "Les clients ont également consulté", "Los clientes también compraron"),  # shops
    *("ホーム", "シェアする", "関連記事", "返回顶部", "相关文章", "공유하기", "관련 기사"),  # Japanese, Chinese, Korean
    *("Foro Motor › Mecánica › Ruido en la suspensión", "Accueil > Aide > Livraison", "Главная → Новости → Спорт"),
    *("Strona główna / Wiadomości / Kraj", "» Technology » Gadgets » Video Games"),  # breadcrumbs
    *("From Wikipedia, the free encyclopedia", "Aus Wikipedia, der freien Enzyklopädie"),  # a wiki's tagline
    *("Related Coverage", "Síguenos en Twitter", "Nos siga no Instagram", "Seguici su Facebook e Instagram"),
    "%d Bloggern gefällt das:",  # a template's placeholder, left unfilled
    *("Baca juga: Daftar 26 Ruas Jalan Tol", "Läs också: Allt fler elever saknar behörighet", "İLGİNİZİ ÇEKEBİLİR"),
    *("اقرأ أيضا", "관련 뉴스", "Paylaş", "Yorumlar (87)", "Dela detta:", "Ga direct naar inhoud", "Lien copié"),
    *("Article réservé aux abonnés", "Ir a los comentarios", "Artikel zum Hören • 3 Min", "メニュー", "【纠错】"),
    *(
        "Rights and permissions",
        "Download references",
        "NEWS PROVIDED BY",
        "You must log in or register to reply here.",
    ),
    "‹저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>",  # a wire's tail, from red-team pages
    *("Kapcsolódó cikkek", "Mohlo by vás zajímat", "Lue myös: Helsinki avaa uuden kirjaston", "Tin liên quan"),
    *("ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ", "Читайте також: Уряд схвалив бюджет", "ये भी पढ़ें", "LÆS OGSÅ", "Listen on Apple Podcasts"),
)
PROSE_LINES = (
    "Das Rezept drucken wir in der nächsten Ausgabe unseres Magazins ab.",
    "Wir teilen auf Facebook unsere Fotos vom Fest.",
    "You are here because the council asked for your help.",
    "The new video format is not supported in your browser until the next update ships.",
    "Compartilhe esta notícia com quem precisa saber do novo prazo.",
    "Les clients ont également consulté les avis avant de commander.",
    "我们在博客上分享了这次旅行的照片和故事。",
    "Il a dit « oui » puis « non » et enfin « peut-être »",
    "Er sagte »ja« und dann »nein« und »vielleicht«",
    "input / output / error",
    "ZaÅ¼Ã³Å‚Ä‡ gÄ™Å›lÄ… jaÅºÅ„, Å›wietny dzieÅ„ na spacer po parku.",  # mojibake: "Å›" is a garbled "ś"
    "Síguenos para conocer más sobre el proyecto de la universidad.",
    "More stories from Iraq emerge",
    "Baca juga buku-buku yang kami rekomendasikan di perpustakaan kota.",
    "The rights and permissions of tenants were debated at length in parliament.",
    'printf("%d items", n);',
)


@pytest.mark.parametrize("line", INTERFACE_LINES)
def test_interface_lines_in_other_languages_are_interface_text(line: str) -> None:
    from scrapelint.rules.deb import lexicon_kind

    assert lexicon_kind(line) == "ui"


@pytest.mark.parametrize("line", PROSE_LINES)
def test_their_words_inside_a_sentence_are_prose(line: str) -> None:
    from scrapelint.rules.deb import lexicon_kind

    assert lexicon_kind(line) is None


def test_a_wiki_pages_title_over_its_tagline_is_kept() -> None:
    # the tagline under the title made the title a "kicker" over a headline, removed as interface text
    text = "\n".join(
        ["Jump to navigation", "Jump to search", "River Tamar", "From Wikipedia, the free encyclopedia", *PARAGRAPHS]
    )
    assert flagged(text, lint_text(text, select=["DEB"])) == [
        "Jump to navigation\nJump to search",
        "From Wikipedia, the free encyclopedia",
    ]


def test_a_chinese_news_pages_editor_and_share_label_are_found() -> None:
    from scrapelint.rules.deb import lexicon_kind

    # the full-width colon of "分享到：" hid the share label; the editor in charge is the record's metadata
    assert lexicon_kind("分享到：") == "ui"
    assert lexicon_kind("责任编辑：李华") == "meta"
    assert lexicon_kind("编辑认为这个问题很重要。") is None


def test_a_related_list_ends_where_the_articles_hard_wrapped_text_begins() -> None:
    # a line ending on "a" or "the" is a sentence broken over lines, not the next headline of the list
    related = (
        "Latest headlines",
        "Multi-vehicle crash claims Urbana woman",
        "Graham boasts seven champs at invitational",
    )
    wrapped = (
        "Brown's basket gave the Raiders a",
        "76-72 lead, which left Josh",
        "Mayo's 3-pointer at the buzzer meaningless.",
    )
    text = "\n".join([*related, *wrapped, *PARAGRAPHS])
    found = flagged(text, lint_text(text, select=["DEB"]))
    assert found[0].split("\n") == ["Latest headlines", related[1]]  # (the one link under it: one finding)
    assert not any(line in span for span in found for line in wrapped)


RU_RECIPE = "\n".join(
    [
        "Сырники как у бабушки",
        "Пышные сырники на завтрак готовятся за двадцать минут. Главное — взять сухой творог жирностью 5–9% и не переборщить с мукой.",
        "Ингредиенты",
        "500 г творога",
        "2 яйца",
        "3 ст. л. сахара",
        "4 ст. л. муки",
        "щепотка соли",
        "1 ч. л. ванильного сахара",
        "растительное масло для жарки",
        "Приготовление",
        "Творог разомните вилкой, добавьте яйца, сахар, соль и ванильный сахар, перемешайте.",
        "Всыпьте муку и замесите мягкое тесто. Сформируйте небольшие лепёшки и обваляйте их в муке.",
        "Обжаривайте на среднем огне по 3–4 минуты с каждой стороны до золотистой корочки. Подавайте со сметаной или вареньем.",
    ]
)
JA_RECIPE = """基本の肉じゃが
ほっこり甘辛い肉じゃがは、和食の定番。じゃがいもは煮崩れしにくいメークインを使うのがおすすめです。
材料（2人分）
牛切り落とし肉 150g
じゃがいも 3個
玉ねぎ 1個
にんじん 1/2本
しらたき 100g
だし汁 300ml
しょうゆ 大さじ2
砂糖 大さじ1と1/2
みりん 大さじ2
作り方
じゃがいもは皮をむいて一口大に切り、水にさらす。玉ねぎはくし形切り、にんじんは乱切りにする。
鍋に油を熱し、牛肉を炒める。色が変わったら野菜としらたきを加えて炒め合わせる。
だし汁と調味料を加え、落としぶたをして中火で15分煮る。"""
TR_RECIPE = """Lokanta Usulü Mercimek Çorbası
Malzemeler
1,5 su bardağı kırmızı mercimek
1 adet kuru soğan
1 adet havuç
2 yemek kaşığı tereyağı
1 çay kaşığı tuz
Nasıl Yapılır?
Soğanı, havucu ve patatesi küp küp doğrayın. Tereyağını tencerede eritip sebzeleri 5 dakika kavurun.
Unu ekleyip kokusu çıkana kadar kavurmaya devam edin. Yıkadığınız mercimeği ve sıcak suyu ekleyin.
Mercimekler iyice yumuşayana kadar kısık ateşte yaklaşık 30 dakika pişirin. Blenderdan geçirip tuzunu ekleyin."""


@pytest.mark.parametrize("recipe", [RU_RECIPE, JA_RECIPE, TR_RECIPE])
def test_recipes_measured_as_russian_japanese_and_turkish_cooks_write_them_are_kept(recipe: str) -> None:
    # "3 ст. л. сахара", "じゃがいも 3個" (the measure after the food), "1 adet kuru soğan": their titles and
    # ingredients were "a menu" or "links to other articles", with fixes that removed them
    assert [f.rule for f in lint_text(recipe) if f.rule.startswith("DEB")] == []


def test_a_turkish_pages_dateline_keeps_its_headline() -> None:
    menu = ("Nefis Yemek Tarifleri", "Tarifler", "Çorbalar", "Ana Yemekler", "Tatlılar", "Videolar", "Giriş Yap")
    text = "\n".join([*menu, "Lokanta Usulü Mercimek Çorbası", "Ayşe Mutfakta", "12 Ocak 2025", *PARAGRAPHS])
    assert flagged(text, lint_text(text, select=["DEB"])) == ["\n".join(menu)]


VERDICT = (  # a review's verdict: its pros and cons run to six words
    "Verdict",
    "Pros:",
    "Every part is replaceable and upgradeable",
    "Excellent keyboard",
    "Big jump in performance",
    "Cons:",
    "Speakers are thin",
    "Fan is audible under load",
    "If you care about keeping a laptop for six years or more, this is the one to buy.",
)
SEASON = (  # a list written with its bullets
    "What's in season",
    "- January to March: cod, whiting, dabs",
    "- April to June: sole, skate, bass",
    "- July to September: mackerel, bass, lobster",
    "- October to December: sprats, herring, cod",
    "Dean's tip for sprats is simple: \"Flour, hot oil, two minutes, lemon. Don't overthink it.\"",
)


@pytest.mark.parametrize("after", [VERDICT, SEASON], ids=["verdict", "bulleted"])
def test_a_list_after_the_articles_paragraphs_and_the_paragraph_under_it_are_the_articles(after: tuple) -> None:
    text = "\n".join([*PARAGRAPHS, *after])
    assert lint_text(text, select=["DEB"]) == []


def test_the_paragraph_after_a_read_also_box_inside_the_article_is_the_articles() -> None:
    # the closing paragraph under the box went with the share bar as "a menu, footer or widget" (the box's
    # heading was not known as one by itself before; an Arabic page's box is still taken for a story list)
    box = ("Read also", "Fuel prices rise for the third time this year", "Canal revenue falls by 60 percent")
    last = (
        "The economist Mohamed Fouad said the discovery was an important step, but would not change the picture "
        "quickly unless development work speeds up."
    )
    text = "\n".join([*PARAGRAPHS, *box, last, "Share", "Facebook", "Twitter", "WhatsApp"])
    found = flagged(text, lint_text(text, select=["DEB"]))
    assert last not in "".join(found) and box[0] in found


def test_only_east_asian_recipes_put_the_measure_after_the_food() -> None:
    from scrapelint.rules.deb.quantities import quantity

    # a shop's spec sheet ("Gewicht: 2,6 kg") weighed as ingredients carried the body over its customer reviews
    assert [
        quantity(t, len(t.split())) for t in ("じゃがいも 3個", "간장 2큰술", "Gewicht: 2,6 kg", "Weight 150g")
    ] == [
        True,
        True,
        False,
        False,
    ]
