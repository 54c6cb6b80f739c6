"""DEB in the languages scrapes come in: cookie banners written as sentences, author boxes, app and newsletter
prompts are found by the grammar sites word them in (first person "we use cookies" + a verb of use or consent,
"X is the <role> of Y. He ...", imperative + app/newsletter), while article prose about cookies, newsletters or
a person's job is kept. None of the sentences comes from the dev pages."""

from __future__ import annotations

import pytest

from scrapelint.rules.deb.lexicons import normalise
from scrapelint.rules.deb.notices import notice_family

from .conftest import flagged, lint_text
from .test_deb import article

COOKIES = [  # one banner sentence per language, as consent banners word them
    "Cookies erleichtern die Bereitstellung unserer Dienste. Mit der Nutzung unserer Dienste erklären Sie sich "
    "damit einverstanden, dass wir Cookies verwenden.",
    "Wir setzen auf unserer Website Cookies ein, um Ihnen den bestmöglichen Service zu bieten.",
    "Wir respektieren Ihre Privatsphäre und laden externe Inhalte erst mit Ihrer Zustimmung.",
    "Używamy informacji zapisanych za pomocą cookies i podobnych technologii w celach reklamowych i statystycznych.",
    "Korzystając z naszego serwisu wyrażasz zgodę na wykorzystywanie plików cookies.",
    "En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de cookies à des fins statistiques.",
    "Nous et nos partenaires utilisons des cookies pour mesurer l'audience de notre site.",
    "Utilizamos cookies propias y de terceros para mejorar nuestros servicios y mostrarle publicidad.",
    "Las cookies nos ayudan a ofrecer nuestros servicios. Al utilizarlos, aceptas que usemos cookies.",
    "Este portal emplea cookies de análisis para conocer cómo navegan sus lectores.",
    "Si continúa navegando, consideramos que acepta nuestra política de cookies y su uso.",
    "Este site utiliza cookies para melhorar a sua experiência de navegação.",
    "Questo sito utilizza cookie tecnici e di profilazione di terze parti.",
    "Wij gebruiken cookies om je de beste ervaring op onze website te bieden.",
    "Мы используем файлы cookie, чтобы сделать работу сайта удобнее.",
    "We and our partners use cookies to personalise content and to analyse our traffic.",
    "Vi använder cookies för att ge dig en bättre upplevelse av webbplatsen.",
    "Tento web používá soubory cookie k poskytování služeb a analýze návštěvnosti.",
    "Sitemizde size daha iyi hizmet sunabilmek için çerezler kullanılmaktadır.",
]


@pytest.mark.parametrize("banner", COOKIES)
def test_a_cookie_banner_written_as_a_sentence_is_found_in_the_body(banner: str) -> None:
    page = article(middle=(banner,))
    findings = lint_text(page, select=["DEB"])
    assert flagged(page, findings) == [banner]
    assert findings[0].rule == "DEB002"


AUTHOR_BOXES = [
    "Ich bin Christoph, leidenschaftlicher Fotograf aus Hamburg und Autor dieses Artikels. Seit zehn Jahren reise "
    "ich durch Südamerika.",
    "Anna Berg is the co-founder of Greenleaf Labs. She previously worked at a bank and lives in Oslo with her family.",
    "Hi, I'm Sarah! I'm a mum of three and the writer behind this little blog about slow living.",
    "Claire Martin est journaliste au service politique depuis 2012. Elle vit à Lyon.",
    "Lucía Gómez es periodista especializada en tecnología. Vive en Valencia y escribe sobre startups.",
]


@pytest.mark.parametrize("bio", AUTHOR_BOXES)
def test_an_author_box_after_the_article_is_found(bio: str) -> None:
    """After a share prompt: not the article's sign-off right under its last paragraph, which stays."""
    norm = normalise(bio)
    assert notice_family(norm, norm.count(" ")) == "author"
    page = article(after=("Share this article", bio))
    start = page.index(bio)
    assert any(f.start <= start and f.end >= start + len(bio) for f in lint_text(page, select=["DEB"]))


PROMPTS = [  # (family, a notice in one of the languages DEB knows)
    ("app", "Download our free app to get breaking news alerts on your phone."),
    ("app", "Laden Sie sich jetzt unsere kostenlose News-App herunter."),
    ("app", "Téléchargez gratuitement notre application pour suivre l'actualité."),
    ("app", "Pobierz naszą aplikację i czytaj wiadomości w drodze."),
    ("newsletter", "Melde dich jetzt für unseren wöchentlichen Newsletter an und verpasse nichts."),
    ("newsletter", "Join 20,000 other readers and get our best stories every Sunday."),
    ("newsletter", "Suscríbete gratis y recibe cada mañana nuestro boletín con las noticias del día."),
    ("licence", "As an Amazon Associate I earn from qualifying purchases."),
    ("licence", "Dieser Artikel enthält sogenannte Affiliate-Links zu ausgewählten Shops."),
    ("licence", "Si compras a través de nuestros enlaces, recibimos una pequeña comisión."),
    ("licence", "Мнение редакции может не совпадать с мнением автора."),
    ("comment_form", "Wyrażam zgodę na przetwarzanie moich danych osobowych w celu wysyłki newslettera."),
    ("comment_form", "Per commentare devi essere registrato al sito."),
    ("comment_form", "Чтобы оставить комментарий, необходимо войти на сайт."),
    ("paywall", "Ce contenu est réservé aux abonnés. Abonnez-vous pour lire la suite."),
    ("more", "Czytaj także: Nowe przepisy wchodzą w życie od stycznia"),
    ("follow", "Seguici su Instagram per non perdere le nostre ricette."),
    ("empty", "Il n'y a pas encore de commentaires sur cet article."),
]


@pytest.mark.parametrize(("family", "text"), PROMPTS)
def test_a_prompt_is_found_by_its_family(family: str, text: str) -> None:
    norm = normalise(text)
    assert notice_family(norm, norm.count(" ")) == family
    page = article(middle=(text,))
    assert flagged(page, lint_text(page, select=["DEB"])) == [text]


KEPT = [  # article prose that talks about what the notices say
    "The new law forces websites to ask before they use cookies, and regulators say many sites still ignore it.",
    "Die Verbraucherzentrale kritisiert, dass viele Seiten Cookies setzen, ohne die Nutzer vorher zu fragen.",
    "Urząd Ochrony Danych Osobowych sprawdził, jak sklepy internetowe wykorzystują pliki cookies klientów.",
    "La CNIL a sanctionné plusieurs sites qui déposaient des cookies publicitaires sans le consentement des "
    "internautes.",
    "Las autoridades investigan si la empresa usó cookies para rastrear a menores sin permiso de sus padres.",
    'Her newsletter, "The Morning Note", now reaches 40,000 subscribers who pay five dollars a month, she said.',
    "Sie abonnierte den Newsletter der Partei, um über die Termine im Wahlkreis informiert zu bleiben.",
    "Anna Berg, the co-founder of Greenleaf Labs, told reporters the company would hire forty engineers.",
    "The app was downloaded two million times in its first week, the developers said on Monday.",
    "Die Zeitung hat ihre App neu gestaltet; Leser können sie jetzt im App Store herunterladen.",
    'Vor Gericht sagte sie: "Ohne ihre Zustimmung wurden die Daten an Dritte übermittelt."',
    "Er zijn nog geen reacties van de regering op het rapport van de commissie.",  # no widget: nobody answered
    "Nie ma komentarzy ze strony ministerstwa w tej sprawie, poinformował rzecznik.",
    "Пока нет комментариев от представителей компании, сообщает агентство.",
    "Polecamy wszystkim mieszkańcom ostrożność podczas upałów, apeluje sanepid.",
    "Otrzymujemy niewielką prowizję od każdej sprzedaży, przyznał prezes firmy w wywiadzie.",
    "Мнение экспертов может не совпадать с оценками правительства, отмечает издание.",
    "Regulators said the product is not a substitute for medical treatment and ordered the labels changed.",
    "Descarga la aplicación del metro para consultar los horarios, recomendó el ayuntamiento.",  # quoted advice
    "Para comentar, es necesario conocer primero los datos, dijo el ministro.",
    "Wesprzyj nas, apelowali wolontariusze do mieszkańców podczas zbiórki.",
    "Her work has appeared in galleries across Europe and in the permanent collection of the Tate.",
    "He can be reached at the embassy, officials said, but he has not returned calls.",
    "Die Partei entstand in Kooperation mit mehreren Bürgerinitiativen im Jahr 2015.",
]


@pytest.mark.parametrize("text", KEPT)
def test_article_prose_about_cookies_newsletters_or_a_job_is_kept(text: str) -> None:
    norm = normalise(text)
    assert notice_family(norm, norm.count(" ")) is None
    page = article(middle=(text,))
    assert lint_text(page, select=["DEB"]) == []
