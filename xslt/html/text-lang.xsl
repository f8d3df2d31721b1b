<?xml version="1.0" encoding="UTF-8"?>
<!--
  Languages and writing directions in the web edition: which language a passage is in, as HTML says
  it (a BCP 47 tag in lang), and which way its script runs (dir="rtl" for right-to-left scripts).

  TEI gives a language with xml:lang, inherited from the nearest element that has one; HTML does the
  same with lang. So an HTML element says its language only where it differs from its container's
  (il:language-attributes): a quotation in English in an Italian text, a Syriac passage in a Greek
  commentary. The direction is decided from the language's script: its script subtag when it has
  one ("ar-Latn" runs left to right, "fr-Arab" right to left), else the script the language is
  written in by default ($il:right-to-left-languages). A tag written with the three-letter ISO 639-2
  code of a language that has a two-letter one ("eng", "ger", "ara") is written with the two-letter
  code, as BCP 47 wants it ($il:two-letter-codes): HTML validators read lang as BCP 47.

  HTML form only; decides no meaning of the TEI and implements no hook. Used by blocks.xsl,
  phrases.xsl and the text page's modules (text-*.xsl), and by any page that renders TEI.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- The scripts that run right to left, as ISO 15924 codes (the script subtag of a language tag):
       Arabic, Hebrew, Syriac, Thaana, N'Ko, Adlam, Hanifi Rohingya, Samaritan, Mandaic, Mende Kikakui,
       Imperial Aramaic, Avestan, Chorasmian, Elymaic, Hatran, Kharoshthi, Lydian, Manichaean, Old
       North Arabian, Nabataean, Old Turkic, Palmyrene, Inscriptional and Psalter Pahlavi, Phoenician,
       Inscriptional Parthian, Old South Arabian, Sogdian, Old Sogdian, Yezidi, Old Uyghur, Cypriot,
       Old Hungarian, Meroitic (cursive and hieroglyphs). -->
  <xsl:variable name="il:right-to-left-scripts" as="xs:string*" select="(
      'arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg', 'samr', 'mand', 'mend', 'armi',
      'avst', 'chrs', 'elym', 'hatr', 'khar', 'lydi', 'mani', 'narb', 'nbat', 'orkh', 'palm',
      'phli', 'phlp', 'phnx', 'prti', 'sarb', 'sogd', 'sogo', 'yezi', 'ougr', 'cprt', 'hung',
      'merc', 'mero')"/>

  <!-- The languages written right to left by default (a tag without a script subtag): Arabic and
       the languages written in its script (Persian, Dari, Urdu, Pashto, Sindhi, Kashmiri, Western
       Panjabi, Uyghur, Central Kurdish, Balochi, Mazanderani, Gilaki, Northern and Southern Luri,
       Bakhtiari, Ottoman Turkish, South Azerbaijani, Saraiki, Khowar), Hebrew, Yiddish, Ladino,
       Judeo-Arabic, Aramaic, Syriac (classical and modern), Mandaic, Samaritan Aramaic, Dhivehi
       (Thaana), N'Ko. Also "iw" and "ji", the old codes of Hebrew and Yiddish. -->
  <xsl:variable name="il:right-to-left-languages" as="xs:string*" select="(
      'ar', 'fa', 'prs', 'ur', 'ps', 'sd', 'ks', 'pnb', 'ug', 'ckb', 'bal', 'mzn', 'glk', 'lrc',
      'luz', 'bqi', 'ota', 'azb', 'skr', 'khw', 'arq', 'ary', 'arz', 'apc', 'acm', 'ajp', 'afb',
      'aeb', 'ayl', 'he', 'iw', 'yi', 'ji', 'lad', 'jrb', 'arc', 'syc', 'syr', 'aii', 'cld', 'tru',
      'mid', 'myz', 'sam', 'dv', 'nqo')"/>

  <!-- The two-letter ISO 639-1 code of each language that has one, by its three-letter ISO 639-2
       codes (terminological and bibliographic), from the IANA Language Subtag Registry (its
       two-letter subtags that are not deprecated) and ISO 639-2. -->
  <xsl:variable name="il:two-letter-codes" as="map(xs:string, xs:string)" select="map {
      'aar': 'aa', 'abk': 'ab', 'afr': 'af', 'aka': 'ak', 'alb': 'sq', 'amh': 'am', 'ara': 'ar',
      'arg': 'an', 'arm': 'hy', 'asm': 'as', 'ava': 'av', 'ave': 'ae', 'aym': 'ay', 'aze': 'az',
      'bak': 'ba', 'bam': 'bm', 'baq': 'eu', 'bel': 'be', 'ben': 'bn', 'bih': 'bh', 'bis': 'bi',
      'bod': 'bo', 'bos': 'bs', 'bre': 'br', 'bul': 'bg', 'bur': 'my', 'cat': 'ca', 'ces': 'cs',
      'cha': 'ch', 'che': 'ce', 'chi': 'zh', 'chu': 'cu', 'chv': 'cv', 'cor': 'kw', 'cos': 'co',
      'cre': 'cr', 'cym': 'cy', 'cze': 'cs', 'dan': 'da', 'deu': 'de', 'div': 'dv', 'dut': 'nl',
      'dzo': 'dz', 'ell': 'el', 'eng': 'en', 'epo': 'eo', 'est': 'et', 'eus': 'eu', 'ewe': 'ee',
      'fao': 'fo', 'fas': 'fa', 'fij': 'fj', 'fil': 'tl', 'fin': 'fi', 'fra': 'fr', 'fre': 'fr',
      'fry': 'fy', 'ful': 'ff', 'geo': 'ka', 'ger': 'de', 'gla': 'gd', 'gle': 'ga', 'glg': 'gl',
      'glv': 'gv', 'gre': 'el', 'grn': 'gn', 'guj': 'gu', 'hat': 'ht', 'hau': 'ha', 'heb': 'he',
      'her': 'hz', 'hin': 'hi', 'hmo': 'ho', 'hrv': 'hr', 'hun': 'hu', 'hye': 'hy', 'ibo': 'ig',
      'ice': 'is', 'ido': 'io', 'iii': 'ii', 'iku': 'iu', 'ile': 'ie', 'ina': 'ia', 'ind': 'id',
      'ipk': 'ik', 'isl': 'is', 'ita': 'it', 'jav': 'jv', 'jpn': 'ja', 'kal': 'kl', 'kan': 'kn',
      'kas': 'ks', 'kat': 'ka', 'kau': 'kr', 'kaz': 'kk', 'khm': 'km', 'kik': 'ki', 'kin': 'rw',
      'kir': 'ky', 'kom': 'kv', 'kon': 'kg', 'kor': 'ko', 'kua': 'kj', 'kur': 'ku', 'lao': 'lo',
      'lat': 'la', 'lav': 'lv', 'lim': 'li', 'lin': 'ln', 'lit': 'lt', 'ltz': 'lb', 'lub': 'lu',
      'lug': 'lg', 'mac': 'mk', 'mah': 'mh', 'mal': 'ml', 'mao': 'mi', 'mar': 'mr', 'may': 'ms',
      'mkd': 'mk', 'mlg': 'mg', 'mlt': 'mt', 'mon': 'mn', 'mri': 'mi', 'msa': 'ms', 'mya': 'my',
      'nau': 'na', 'nav': 'nv', 'nbl': 'nr', 'nde': 'nd', 'ndo': 'ng', 'nep': 'ne', 'nld': 'nl',
      'nno': 'nn', 'nob': 'nb', 'nor': 'no', 'nya': 'ny', 'oci': 'oc', 'oji': 'oj', 'ori': 'or',
      'orm': 'om', 'oss': 'os', 'pan': 'pa', 'per': 'fa', 'pli': 'pi', 'pol': 'pl', 'por': 'pt',
      'pus': 'ps', 'que': 'qu', 'roh': 'rm', 'ron': 'ro', 'rum': 'ro', 'run': 'rn', 'rus': 'ru',
      'sag': 'sg', 'san': 'sa', 'sin': 'si', 'slk': 'sk', 'slo': 'sk', 'slv': 'sl', 'sme': 'se',
      'smo': 'sm', 'sna': 'sn', 'snd': 'sd', 'som': 'so', 'sot': 'st', 'spa': 'es', 'sqi': 'sq',
      'srd': 'sc', 'srp': 'sh', 'ssw': 'ss', 'sun': 'su', 'swa': 'sw', 'swe': 'sv', 'tah': 'ty',
      'tam': 'ta', 'tat': 'tt', 'tel': 'te', 'tgk': 'tg', 'tha': 'th', 'tib': 'bo', 'tir': 'ti',
      'ton': 'to', 'tsn': 'tn', 'tso': 'ts', 'tuk': 'tk', 'tur': 'tr', 'twi': 'tw', 'uig': 'ug',
      'ukr': 'uk', 'urd': 'ur', 'uzb': 'uz', 'ven': 've', 'vie': 'vi', 'vol': 'vo', 'wel': 'cy',
      'wln': 'wa', 'wol': 'wo', 'xho': 'xh', 'yid': 'yi', 'yor': 'yo', 'zha': 'za', 'zho': 'zh',
      'zul': 'zu'
    }"/>

  <!-- A language code as a BCP 47 tag for lang: as given, its primary subtag in two letters when the
       language has a two-letter code (ISO 639-1). "und" when there is none. -->
  <xsl:function name="il:bcp47" as="xs:string" cache="yes">
    <xsl:param name="code" as="xs:string"/>
    <xsl:variable name="subtags" select="tokenize(normalize-space($code), '-')"/>
    <xsl:variable name="primary" select="lower-case($subtags[1])"/>
    <xsl:sequence select="if (empty($subtags)) then 'und'
        else string-join(((if (map:contains($il:two-letter-codes, $primary)) then $il:two-letter-codes($primary) else $subtags[1]),
                          subsequence($subtags, 2)), '-')" xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:function>

  <!-- Which way a language's script runs: 'rtl' or 'ltr'. The script subtag decides when there is
       one (the first subtag of four letters after the language); else the language's own. -->
  <xsl:function name="il:direction" as="xs:string" cache="yes">
    <xsl:param name="code" as="xs:string"/>
    <xsl:variable name="subtags" select="tokenize(lower-case(il:bcp47($code)), '-')"/>
    <xsl:variable name="script" select="subsequence($subtags, 2)[matches(., '^[a-z]{4}$')][1]"/>
    <xsl:sequence select="if (exists($script)) then (if ($script = $il:right-to-left-scripts) then 'rtl' else 'ltr')
        else if ($subtags[1] = $il:right-to-left-languages) then 'rtl' else 'ltr'"/>
  </xsl:function>

  <!-- The lang (and dir) an HTML element made from a TEI element needs: those of its language when
       they differ from the language of the TEI element's container; nothing where they are the same
       (HTML inherits them, as TEI does), nor for the top of a document (its container says them). -->
  <xsl:function name="il:language-attributes" as="attribute()*">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="container" select="$node/.."/>
    <xsl:if test="$container instance of element() and $node/@xml:lang">
      <xsl:variable name="own" select="il:lang($node)"/>
      <xsl:variable name="inherited" select="il:lang($container)"/>
      <xsl:variable name="around" select="if ($inherited != 'und') then $inherited else il:document-language($node/ancestor::*[last()])"/>
      <xsl:if test="$own != $around">
        <xsl:attribute name="lang" select="il:bcp47($own)"/>
        <xsl:if test="il:direction($own) != il:direction($around)">
          <xsl:attribute name="dir" select="il:direction($own)"/>
        </xsl:if>
      </xsl:if>
    </xsl:if>
  </xsl:function>

  <!-- The lang and dir of an element that holds TEI text in a page whose own language is the site's
       (English): a column, the reading text, a footnote moved after its block. Its dir only when it
       runs right to left; no lang when the language is not known ("und"): the page's stands. -->
  <xsl:function name="il:language-of-container" as="attribute()*">
    <xsl:param name="language" as="xs:string"/>
    <xsl:if test="$language != 'und'">
      <xsl:attribute name="lang" select="il:bcp47($language)"/>
      <xsl:if test="il:direction($language) = 'rtl'">
        <xsl:attribute name="dir" select="'rtl'"/>
      </xsl:if>
    </xsl:if>
  </xsl:function>

  <!-- The language of a document's text for its container: its own (xml:lang on the root, else on
       its text), else the one language its header says it is in, else "und". -->
  <xsl:function name="il:document-language" as="xs:string">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="declared" select="$root/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language/@ident"/>
    <xsl:sequence select="string(($root/@xml:lang, if (count($declared) = 1) then $declared else (), 'und')[normalize-space()][1])"/>
  </xsl:function>

</xsl:stylesheet>
