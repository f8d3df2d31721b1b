"""BCP 47 language tags (interlinea.bcp47): which tags are valid, and for the others, the message.

VALID: tags that are well-formed and whose subtags are in the IANA Language Subtag Registry, in any
case. INVALID: a tag and every part its message must contain (what is wrong, then the fix or the tag
probably meant). Every message starts with "'<tag>' is not a BCP 47 language tag: ".
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from interlinea import bcp47

VALID = [
    "en", "it", "bg", "ru", "und",
    "sr-Latn", "sr-Cyrl-RS", "en-GB", "es-419", "de-CH-1901", "sl-rozaj-biske",
    "EN", "en-gb", "SR-latn-rs",  # case does not matter
    "zh-yue", "zh-yue-HK",  # an extended language subtag
    "en-Latn-US-x-private", "x-mine", "X-Whatever-1",  # private use
    "qaa", "qtz-Qaab-QM", "en-ZZ", "en-XA", "en-AA",  # private-use subtags (registered as such)
    "i-klingon", "en-GB-oed", "zh-min-nan", "art-lojban", "sgn-BE-FR",  # grandfathered
    "fr-u-ca-gregory", "en-a-bbb-b-ccc",  # extensions
    "iw", "mo",  # deprecated, still registered
]


@pytest.mark.parametrize("tag", VALID)
def test_valid_tags(tag):
    assert bcp47.problem(tag) is None
    assert bcp47.is_valid(tag)


def case(tag: str, *parts: str, id: str):
    return pytest.param(tag, parts, id=id)


INVALID = [
    # a language name where a code belongs
    case("french", "'french' is not a registered language subtag; use the ISO 639 code, e.g. 'fr'", id="french"),
    case("Italian", "'Italian' is not a registered language subtag; use the ISO 639 code, e.g. 'it'", id="Italian"),
    case("portuguese", "'portuguese' is not a registered language subtag; use the ISO 639 code, e.g. 'pt'", id="portuguese"),
    case("Modern Greek", "' ' is not allowed (only letters a–z, digits and '-'); use the ISO 639 code, e.g. 'el'", id="modern-greek"),
    case("english!", "'!' is not allowed", "use the ISO 639 code, e.g. 'en'", id="english!"),
    case("french-CA", "'french' is not a registered language subtag; use the ISO 639 code, e.g. 'fr-CA'", id="french-CA"),
    # an ISO 639-2 code where BCP 47 has a two-letter one
    case("eng", "'eng' is not a registered language subtag; use the ISO 639 code, e.g. 'en'", id="eng"),
    case("bul", "use the ISO 639 code, e.g. 'bg'", id="bul"),
    # unregistered subtags, each named with its kind
    case("xx", "'xx' is not a registered language subtag; use an ISO 639 code such as 'en', 'it' or 'bg'", id="xx"),
    case("abcd", "'abcd' is not a registered language subtag", id="four-letters"),
    case("en-UK", "'UK' is not a registered region subtag; did you mean 'en-GB'?", id="en-UK"),
    case("en-999", "'999' is not a registered region subtag; use an ISO 3166 code such as 'GB' or 'US', or a UN M.49 number such as '419'", id="en-999"),
    case("en-Abcd", "'Abcd' is not a registered script subtag; use an ISO 15924 code such as 'Latn' or 'Cyrl'", id="script"),
    case("sr-latin", "'latin' is not a registered variant subtag; did you mean 'sr-Latn'?", id="script-name"),
    case("fr-canada", "'canada' is not a registered variant subtag; did you mean 'fr-CA'?", id="region-name"),
    case("en-fooba", "'fooba' is not a registered variant subtag; remove it, or make it private use", id="variant"),
    case("zh-xxx", "'xxx' is not a registered extended language subtag", id="extlang"),
    case("xx-ZX", "'xx' is not a registered language subtag", "'ZX' is not a registered region subtag", id="two-wrong"),
    # repeated parts
    case("de-1996-1996", "variant '1996' is repeated; give each variant once", id="repeated-variant"),
    case("de-DE-1901-1901", "variant '1901' is repeated", id="repeated-variant-2"),
    case("en-a-bbb-a-ccc", "extension 'a' is repeated; put its subtags in one '-a-' extension", id="repeated-extension"),
    case("sgn-ase-bfi", "only one extended language subtag is allowed, not 2 (ase, bfi)", id="two-extlangs"),
    # not well-formed
    case("en_GB", "subtags are separated by '-', not '_'; did you mean 'en-GB'?", id="underscore"),
    case("en-", "it has an empty subtag", id="trailing-dash"),
    case("en--US", "it has an empty subtag", id="double-dash"),
    case("1en", "'1en' is not a language subtag (2 or 3 letters, e.g. 'en')", id="digit"),
    case("e", "'e' is not a language subtag", id="one-letter"),
    case("abcdefghi", "'abcdefghi' is longer than 8 characters", id="too-long"),
    case("en-Latn-Cyrl", "this script subtag, 'cyrl', is out of place; subtags come in the order language-script-region-variants", id="two-scripts"),
    case("en-US-GB", "'gb', is out of place", id="two-regions"),
    case("en-x", "the subtag 'x' must be followed by something", id="bare-x"),
    case("i-foo", "'i' is not a language subtag", id="not-grandfathered"),
    case(" en", "' ' is not allowed", "use the ISO 639 code, e.g. 'en'", id="space"),
    case("français", "'ç' is not allowed", id="non-ascii"),
]


@pytest.mark.parametrize("tag, parts", INVALID)
def test_invalid_tags(tag, parts):
    message = bcp47.problem(tag)
    assert message is not None and not bcp47.is_valid(tag)
    assert message.startswith(f"'{tag}' is not a BCP 47 language tag: "), message
    for part in parts:
        assert part in message, message


def test_empty_and_non_strings():
    assert bcp47.problem("") == "an empty string is not a BCP 47 language tag; write a tag such as 'en', 'bg' or 'sr-Latn'"
    assert bcp47.problem(42) == "42 is not a BCP 47 language tag: expected a string such as 'en'"  # type: ignore[arg-type]
    assert not bcp47.is_valid("") and not bcp47.is_valid(None)  # type: ignore[arg-type]


def test_a_suggestion_is_never_private_use():
    """langcodes standardizes an unknown region to 'ZZ' (private use): that is no correction to propose."""
    assert "ZZ" not in bcp47.problem("en-999")


@pytest.mark.parametrize("tag, expected", [("EN-latn-us", "en-Latn-US"), ("sr-cyrl", "sr-Cyrl"), ("en-x-ab-CD", "en-x-ab-cd"), ("de-ch-1901", "de-CH-1901"), ("es-419", "es-419"), ("i-KLINGON", "i-klingon")])
def test_canonical_case(tag, expected):
    assert bcp47.canonical(tag) == expected


@pytest.mark.parametrize("name, kinds, code", [("French", ("language",), "fr"), ("bulgarian", ("language",), "bg"), ("Cyrillic", ("script",), "Cyrl"), ("Latin", ("script",), "Latn"), ("Latin", ("language",), "la"), ("Serbia", ("region",), "RS"), ("Nowhereish", ("language",), None), ("En", ("language",), None)])
def test_code_for_name(name, kinds, code):
    assert bcp47.code_for_name(name, kinds) == code


def test_checking_a_valid_tag_does_not_import_langcodes():
    """langcodes compiles its CLDR data on import (about 20 ms): only a wrong tag needs it."""
    code = "import sys; from interlinea import bcp47; assert bcp47.is_valid('sr-Latn-RS'); print('langcodes' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
