"""Each outlet adapter's fields, through the real client against the local server."""

from __future__ import annotations

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
