"""Each outlet adapter's fields, through the real client against the local server."""

from __future__ import annotations

from pathlib import Path

from scorer.fetch import fetch_articles

DAILYNK = "https://www.dailynk.com/english/family-caught-for-attempting-to-de/"
KOTRA = "https://www.dailynk.com/english/report-nkchina-trade-down-for-firs/"
HERALD = "https://www.koreaherald.com/view.php?ud=20150216000944"
HRW = "https://www.hrw.org/news/2015/02/09/north-korea-harsher-punishments-contact-south"
MARKER = "[...truncated in stored excerpt]"


def test_recorded_seed_pages_give_each_outlets_fields(local_server, fetch_settings):
    local_server.serve_manifest()
    got = fetch_articles([DAILYNK, KOTRA, HERALD, HRW], fetch_settings)

    nk = got[DAILYNK]
    assert nk.status == "ok" and nk.outlet == "dailynk"
    assert nk.title == "Family Caught for Attempting to Defect"
    assert nk.published is None  # the stored excerpt shows no date; none is invented
    assert "a source in Yangkang Province reported to Daily NK on February 4th" in nk.text
    assert nk.partial and MARKER not in nk.text and nk.text.endswith("according to resident")

    kotra = got[KOTRA]
    assert kotra.title == "Report: NK-China Trade Down for First Time in 6 Years"
    assert "dropped by 2.79 percent, recording roughly 6.36 billion USD" in kotra.text
    assert kotra.partial

    kh = got[HERALD]
    assert kh.outlet == "koreaherald" and kh.published == "2015-02-16"  # from the ud id
    assert "about 170 North Korean businessmen in the city were replaced" in kh.text
    assert kh.partial and kh.origin is None  # the excerpt is cut before any "(Yonhap)" ending
    assert kh.title is None  # not in the stored excerpt

    hrw = got[HRW]
    assert hrw.outlet == "hrw"
    assert hrw.title == "North Korea: Harsher Punishments for Contact with South"
    assert hrw.published == "2015-02-09"
    assert hrw.text.startswith("(Seoul) – North Korea is expanding efforts")
    assert "Skip to main content" not in hrw.text
    assert hrw.partial and hrw.final_url == HRW


def test_korea_herald_wire_copy_has_origin_yonhap(local_server, fetch_settings):
    # Plainly synthetic text at a Korea Herald path, served only by the local test server.
    page = (
        '<html><body><h1 class="view_tit">Synthetic test headline</h1>'
        '<div class="view_tit_byline_l">By Test Writer</div>'
        '<div id="articleText"><p>Synthetic test paragraph, not Korea Herald text.</p>'
        "<p>Second synthetic paragraph. (Yonhap)</p></div></body></html>"
    )
    local_server.server.expect_request("/view.php", query_string="ud=20990101000001").respond_with_data(
        page, content_type="text/html; charset=utf-8"
    )
    url = "http://www.koreaherald.com/view.php?ud=20990101000001"
    article = fetch_articles([url], fetch_settings)[url]
    assert article.status == "ok"
    assert article.outlet == "koreaherald" and article.origin == "yonhap"
    assert article.title == "Synthetic test headline" and article.authors == ("Test Writer",)
    assert article.published == "2099-01-01"
    assert article.final_url == "https://www.koreaherald.com/view.php?ud=20990101000001"


def test_old_and_new_yonhap_urls_are_one_article_dated_by_its_id(local_server, fetch_settings):
    page = (
        "<html><head><title>Synthetic | Yonhap</title></head><body><h1 class='tit'>Synthetic Yonhap test story</h1>"
        "<article class='story-news'><p>Synthetic test text for the Yonhap adapter.</p></article></body></html>"
    )
    local_server.server.expect_request("/view/AEN20990102000100315").respond_with_data(page, content_type="text/html")
    old = "http://english.yonhapnews.co.kr/northkorea/2099/01/02/0401000000AEN20990102000100315.html"
    new = "https://en.yna.co.kr/view/AEN20990102000100315"
    got = fetch_articles([old, new], fetch_settings)
    assert local_server.hits() == 1  # same AEN id: fetched once
    for url in (old, new):
        assert got[url].url == url
        assert got[url].outlet == "yonhap" and got[url].published == "2099-01-02"
        assert got[url].title == "Synthetic Yonhap test story"


def test_daily_nk_footer_and_old_read_php_urls(local_server, fetch_settings):
    page = (
        "<html><body><article><h1 class='entry-title'>Synthetic Daily NK test</h1>"
        "<meta property='article:published_time' content='2099-03-04T09:00:00+09:00'>"
        "<div class='entry-content'><p>Synthetic body text.</p>"
        "<p>Questions or comments about this article? Contact us at dailynkenglish@uni-media.net.</p>"
        "</div></article></body></html>"
    )
    local_server.server.expect_request("/english/read.php", query_string="cataId=nk01500&num=99999").respond_with_data(
        page, content_type="text/html"
    )
    url = "http://www.dailynk.com/english/read.php?cataId=nk01500&num=99999"
    article = fetch_articles([url], fetch_settings)[url]
    assert article.outlet == "dailynk" and article.published == "2099-03-04"
    assert article.text == "Synthetic body text." and not article.partial


YONHAP_PAGE = Path(__file__).resolve().parents[2] / "fixtures" / "pages" / "synthetic" / "yonhap_article.html"
YONHAP_STORY = (
    'SEOUL, Jan. 2 (Yonhap) -- A made-up harbour in a synthetic test page handled 4.2 million invented tonnes of '
    'cargo last year, a fictional official said Friday.\n\n'
    '"Synthetic cargo volumes rose because nothing here is real," the fictional official told reporters.\n\n'
    'The invented harbour plans to add two imaginary berths by 2100, according to the synthetic plan.'
)


def serve_yonhap(local_server, html: str, aen: str = "AEN20990102000100315") -> str:
    local_server.server.expect_request(f"/view/{aen}").respond_with_data(html, content_type="text/html")
    return f"https://en.yna.co.kr/view/{aen}"


def test_yonhap_story_text_and_byline_from_its_article_markup(local_server, fetch_settings):
    url = serve_yonhap(local_server, YONHAP_PAGE.read_text(encoding="utf-8"))
    art = fetch_articles([url], fetch_settings)[url]
    assert art.status == "ok" and art.outlet == "yonhap"
    assert art.text == YONHAP_STORY  # no ATTN note, byline, caption, sign-off or related headlines
    assert art.authors == ("Testa Exampleson",)  # never the Hangul field, the Facebook page or the desk
    assert art.title == "(LEAD) Synthetic test story about a made-up harbour"
    assert art.published == "2099-01-02" and not art.partial


def test_yonhap_boilerplate_goes_when_the_generic_extractor_reads_the_page(local_server, fetch_settings):
    # No headline element and no story-news container: the generic extractor reads the page, and the same
    # cleaning applies to its text; captions and related headlines sit inside the article as plain paragraphs.
    html = YONHAP_PAGE.read_text(encoding="utf-8")
    html = html.replace('<div class="title-article01"><h1 class="tit">(LEAD) Synthetic test story about a made-up '
                        'harbour</h1></div>', "")
    html = html.replace('<article class="story-news article">', '<div class="story">').replace("</article>", "")
    html = html.replace('<div class="comp-box photo-group">', "<div>").replace("<figcaption", "<div").replace(
        "</figcaption>", "</div>").replace("<figure", "<div").replace("</figure>", "</div>")
    html = html.replace('  <div class="related-zone">', '  <div>').replace("</body>", "</div></body>")
    url = serve_yonhap(local_server, html, "AEN20990102000200315")
    art = fetch_articles([url], fetch_settings)[url]
    assert art.status == "ok"
    for gone in ("ATTN", "By Testa", "invented crane", "(END)", "tester@", "Related Articles", "Another synthetic",
                 "Go to Contents", "All News"):
        assert gone not in art.text
    assert "4.2 million invented tonnes" in art.text and "imaginary berths by 2100" in art.text
    assert art.authors == ("Testa Exampleson",)


def test_korea_herald_people_only_and_no_captions(local_server, fetch_settings):
    # Plainly synthetic text in the Herald's newer URL form, its older layout, a photo caption in the body.
    page = (
        '<html><body><h1 class="view_tit">Synthetic Herald headline</h1>'
        '<div class="view_tit_byline_l">By Test Writer (writer@heraldcorp.test)</div>'
        '<div class="view_tit_byline_r">Published : Feb. 16, 2099 - 13:31</div>'
        '<div id="articleText"><figure><img src="x.jpg"><figcaption>Synthetic caption of a photo.</figcaption>'
        '</figure><p>Synthetic Herald paragraph one.</p><p>Synthetic Herald paragraph two.</p></div></body></html>'
    )
    local_server.server.expect_request("/article/99990001").respond_with_data(page, content_type="text/html")
    wire = page.replace("By Test Writer (writer@heraldcorp.test)", "By Yonhap")
    local_server.server.expect_request("/article/99990002").respond_with_data(wire, content_type="text/html")
    got = fetch_articles(["https://www.koreaherald.com/article/99990001",
                          "https://www.koreaherald.com/article/99990002"], fetch_settings)
    own, carried = got["https://www.koreaherald.com/article/99990001"], got["https://www.koreaherald.com/article/99990002"]
    assert own.authors == ("Test Writer",) and own.published == "2099-02-16"
    assert own.text == "Synthetic Herald paragraph one.\n\nSynthetic Herald paragraph two."
    assert carried.authors == ()  # the wire agency is not a person


def test_daily_nk_site_as_author_newer_footer_and_related_posts(local_server, fetch_settings):
    page = (
        "<html><body><article><h1 class='entry-title'>Synthetic Daily NK layout test</h1>"
        "<a rel='author' href='/author/dailynk/'>Daily NK</a>"
        "<div class='entry-content'><p>Synthetic report paragraph.</p>"
        "<div class='wp-caption'><img src='x.jpg'><p class='wp-caption-text'>Synthetic caption.</p></div>"
        "<p>Please direct any comments or questions about this article to dailynkenglish@uni-media.net.</p>"
        "<div id='jp-relatedposts' class='jp-relatedposts'><h3>Related</h3><p>Another synthetic headline</p></div>"
        "</div></article></body></html>"
    )
    local_server.server.expect_request("/english/synthetic-layout-test/").respond_with_data(page, content_type="text/html")
    url = "https://www.dailynk.com/english/synthetic-layout-test/"
    art = fetch_articles([url], fetch_settings)[url]
    assert art.text == "Synthetic report paragraph."
    assert art.authors == ()


def test_hrw_body_without_photo_captions_or_related_content(local_server, fetch_settings):
    page = (
        "<html><body><h1>Synthetic HRW headline</h1><time class='date' datetime='2099-04-05T09:00:00Z'>x</time>"
        "<div class='article-body'><p>(Synthetic) – First synthetic paragraph.</p>"
        "<figure><img src='x.jpg'><figcaption>Synthetic photo caption © 2099 Nobody</figcaption></figure>"
        "<p>Second synthetic paragraph.</p>"
        "<div class='related-content'><h2>Related Content</h2><p>Synthetic related headline</p></div></div>"
        "</body></html>"
    )
    local_server.server.expect_request("/news/2099/04/05/synthetic-test").respond_with_data(page, content_type="text/html")
    url = "https://www.hrw.org/news/2099/04/05/synthetic-test"
    art = fetch_articles([url], fetch_settings)[url]
    assert art.text == "(Synthetic) – First synthetic paragraph.\n\nSecond synthetic paragraph."
    assert art.published == "2099-04-05" and art.title == "Synthetic HRW headline"
