from extractor.shorten import CLIPPED, shorten


def test_short_text_is_kept_as_is() -> None:
    assert shorten("Ajax 2-1 PSV", 12) == "Ajax 2-1 PSV"
    assert shorten("a\n  b", 10) == "a\n  b"


def test_a_cut_text_ends_in_the_marker_and_keeps_the_limit() -> None:
    cut = shorten("x" * 50, 10)
    assert cut == "x" * 9 + "…" and len(cut) == 10
    clipped = shorten("y" * 5000, 4000, marker=CLIPPED)
    assert len(clipped) == 4000 and clipped.endswith(CLIPPED) and clipped.startswith("y" * 3990)


def test_one_line_collapses_whitespace_before_measuring() -> None:
    assert shorten("HTTP 500\n\n  <html>\n</html>", 100, one_line=True) == "HTTP 500 <html> </html>"
    assert shorten("a  b  c  d", 5, one_line=True) == "a b …"
