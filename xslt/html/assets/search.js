// search.js: the search page of the web edition (search.html, made by xslt/html/search.xsl).
//
// It loads Pagefind's own script from the site's pagefind/ folder (the index that
// src/interlinea/publish/search.py makes when the site is built), builds a group of check boxes for
// each filter the index holds (language, text, entity, register), and lists the pages found, each
// with the passages where the words are, every passage linked to its block (#id) and marked with its
// language. Everything is made with DOM calls and textContent: no text found in the index ever
// becomes markup. The query and the filters live in the page's address (search.html?q=…), as the
// form sends them without a script, so that a search can be shared and reloaded.
//
// Opened from disk (file://), a page may not fetch the index's files: the script shows the page's
// own message about it instead of failing.
"use strict";

(function () {
  const form = document.getElementById("search-form");
  if (!form) {
    return;
  }
  const input = document.getElementById("search-query");
  const filtersBox = document.getElementById("search-filters");
  const status = document.getElementById("search-status");
  const resultsBox = document.getElementById("search-results");
  const resultList = document.getElementById("search-result-list");
  const moreButton = document.getElementById("search-more");

  const PAGE_SIZE = 10; // results shown at a time
  const PASSAGES_PER_PAGE = 3; // passages shown for each page found
  const EXCERPT_WORDS = 24; // words in a passage's excerpt
  const TYPING_PAUSE_MS = 300; // search this long after the last key typed
  // The filter groups the pages give (data-pagefind-filter), in the order shown, with their labels.
  const FILTER_LABELS = new Map([
    ["language", "Language"],
    ["text", "Text"],
    ["entity", "Person, place or organisation named"],
    ["register", "Register"],
  ]);
  // Elements with an id that frame the page: a word outside every block is on the page as a whole.
  const FRAME_ELEMENTS = new Set(["body", "main", "header", "footer", "nav"]);
  // Elements with an id that are phrases, not blocks: a passage belongs to the block around them.
  const PHRASE_ELEMENTS = new Set([
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s",
    "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "ruby", "rt", "br", "wbr",
  ]);

  const siteRoot = new URL(form.dataset.siteRoot || "./", document.baseURI);
  const bundle = new URL(form.dataset.bundle || "pagefind/", document.baseURI);
  const languages = readLanguages(form.dataset.languages);

  let pagefind = null; // the loaded Pagefind module
  let searchNumber = 0; // the latest search; the results of an older one are dropped
  let pending = []; // results not shown yet
  let typingTimer = 0;

  if (window.location.protocol === "file:") {
    form.hidden = true;
    document.getElementById("search-offline").hidden = false;
    return;
  }

  start().catch(unavailable);

  async function start() {
    pagefind = await import(new URL("pagefind.js", bundle).href);
    await pagefind.options({ excerptLength: EXCERPT_WORDS });
    await pagefind.init();
    const params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    buildFilters(await pagefind.filters(), params);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      window.clearTimeout(typingTimer);
      search().catch(unavailable);
    });
    input.addEventListener("input", () => {
      window.clearTimeout(typingTimer);
      typingTimer = window.setTimeout(() => search().catch(unavailable), TYPING_PAUSE_MS);
    });
    filtersBox.addEventListener("change", () => search().catch(unavailable));
    moreButton.addEventListener("click", () => showMore(searchNumber, true).catch(unavailable));
    form.dataset.ready = "true";
    await search();
  }

  function unavailable(error) {
    form.hidden = true;
    document.getElementById("search-unavailable").hidden = false;
    console.warn("The search index could not be used:", error);
  }

  // The languages of works, pages and titles, from the page ([["work", id, lang], ["page", href,
  // lang], ["title", title, lang]…]).
  function readLanguages(json) {
    const works = [];
    const pages = new Map();
    const titles = new Map();
    let pairs = [];
    try {
      pairs = JSON.parse(json || "[]");
    } catch (error) {
      pairs = [];
    }
    for (const [kind, key, lang] of pairs) {
      if (kind === "work") {
        works.push([key, lang]);
      } else if (kind === "page") {
        pages.set(key, lang);
      } else if (kind === "title") {
        titles.set(key, lang);
      }
    }
    works.sort((a, b) => b[0].length - a[0].length); // the longest (innermost) work first
    return { works, pages, titles };
  }

  // ------------------------------------------------------------------ filters

  function buildFilters(available, params) {
    const groups = Object.keys(available).filter((name) => Object.keys(available[name]).length);
    groups.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
    for (const name of groups) {
      const chosen = new Set(params.getAll(name));
      const details = element("details", "search-filter");
      details.open = name === "language" || name === "text" || chosen.size > 0;
      const summary = element("summary", "", label(name));
      const fieldset = element("fieldset");
      const legend = element("legend", "visually-hidden", label(name));
      const list = element("ul", "search-filter-values");
      fieldset.append(legend, list);
      const values = Object.keys(available[name]).sort(collator.compare);
      values.forEach((value, number) => {
        const id = `filter-${name}-${number}`;
        const box = element("input");
        box.type = "checkbox";
        box.id = id;
        box.name = name;
        box.value = value;
        box.checked = chosen.has(value);
        const boxLabel = element("label");
        boxLabel.htmlFor = id;
        const text = element("span", "", value);
        setLanguage(text, languages.titles.get(value));
        boxLabel.append(text);
        const count = element("span", "search-filter-count", ` (${available[name][value]})`);
        count.dataset.filter = name;
        count.dataset.value = value;
        boxLabel.append(count);
        const item = element("li");
        item.append(box, boxLabel);
        list.append(item);
      });
      details.append(summary, fieldset);
      filtersBox.append(details);
    }
    filtersBox.hidden = groups.length === 0;
  }

  function rank(name) {
    const order = [...FILTER_LABELS.keys()].indexOf(name);
    return order < 0 ? FILTER_LABELS.size : order;
  }

  function label(name) {
    return FILTER_LABELS.get(name) || name.charAt(0).toUpperCase() + name.slice(1);
  }

  // { language: { any: ["Bulgarian"] }, … }: any of the values checked in a group, every group.
  function chosenFilters() {
    const chosen = {};
    for (const box of filtersBox.querySelectorAll("input[type=checkbox]:checked")) {
      (chosen[box.name] = chosen[box.name] || { any: [] }).any.push(box.value);
    }
    return chosen;
  }

  function showCounts(counts) {
    for (const count of filtersBox.querySelectorAll(".search-filter-count")) {
      const number = counts && counts[count.dataset.filter] ? counts[count.dataset.filter][count.dataset.value] || 0 : null;
      if (number !== null) {
        count.textContent = ` (${number})`;
      }
    }
  }

  // ------------------------------------------------------------------ searching

  async function search() {
    const number = ++searchNumber;
    const term = input.value.trim();
    const filters = chosenFilters();
    rememberInAddress(term, filters);
    if (!term && !Object.keys(filters).length) {
      pending = [];
      resultList.replaceChildren();
      resultsBox.hidden = true;
      moreButton.hidden = true;
      status.textContent = "";
      return;
    }
    status.textContent = "Searching…";
    const response = await pagefind.search(term || null, { filters });
    if (number !== searchNumber) {
      return; // a newer search has started
    }
    showCounts(response.filters);
    pending = response.results.slice();
    resultList.replaceChildren();
    resultsBox.hidden = false;
    await showMore(number);
    if (number === searchNumber) {
      status.textContent = describe(response.results.length, term, filters);
    }
  }

  function describe(count, term, filters) {
    const pages = count === 1 ? "1 page" : `${count} pages`;
    const words = term ? ` with “${term}”` : "";
    const narrowed = Object.keys(filters).length ? " among the pages filtered" : "";
    return count ? `${pages} found${words}${narrowed}.` : `No page found${words}${narrowed}.`;
  }

  // Show the next results; asked for with the button, the focus goes to the first of them (the
  // button may disappear, and a keyboard reader goes on from where the new results begin).
  async function showMore(number, moveFocus = false) {
    const batch = pending.splice(0, PAGE_SIZE);
    const found = await Promise.all(batch.map((result) => result.data()));
    if (number !== searchNumber) {
      return;
    }
    const items = found.map(resultItem);
    resultList.append(...items);
    moreButton.hidden = pending.length === 0;
    if (moveFocus && items.length) {
      items[0].querySelector("a").focus();
    }
  }

  function rememberInAddress(term, filters) {
    const params = new URLSearchParams();
    if (term) {
      params.set("q", term);
    }
    for (const [name, chosen] of Object.entries(filters)) {
      for (const value of chosen.any) {
        params.append(name, value);
      }
    }
    const query = params.toString();
    window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
  }

  // ------------------------------------------------------------------ one result

  function resultItem(data) {
    const page = pageUrl(data.url);
    const pageLanguage = languages.pages.get(sitePath(page));
    const item = element("li", "search-result");
    const heading = element("h3", "search-result-title");
    const title = (data.meta && data.meta.title) || sitePath(page);
    const link = element("a", "", title);
    link.href = page.href;
    setLanguage(link, languages.titles.get(title) || pageLanguage);
    heading.append(link);
    item.append(heading);
    const about = Object.entries(data.filters || {})
      .filter(([name]) => name !== "entity" && name !== "text")
      .flatMap(([, values]) => values);
    if (about.length) {
      item.append(element("p", "search-result-about", about.join(" · ")));
    }
    const passages = passagesOf(data);
    const list = element("ul", "search-passages");
    for (const passage of passages.slice(0, PASSAGES_PER_PAGE)) {
      list.append(passageItem(passage, page, pageLanguage));
    }
    item.append(list);
    if (passages.length > PASSAGES_PER_PAGE) {
      const more = passages.length - PASSAGES_PER_PAGE;
      item.append(element("p", "search-result-more", `and ${more} more ${more === 1 ? "passage" : "passages"} on this page`));
    }
    return item;
  }

  function passageItem(passage, page, pageLanguage) {
    const item = element("li", "search-passage");
    const link = element("a", "search-passage-link");
    const target = new URL(page.href);
    if (passage.id) {
      target.hash = passage.id;
    }
    link.href = target.href;
    const excerpt = element("span", "search-excerpt");
    excerpt.dir = "auto";
    setLanguage(excerpt, (passage.id && workLanguage(passage.id)) || pageLanguage);
    excerpt.append(...excerptNodes(passage));
    link.append(excerpt);
    if (passage.id) {
      link.append(element("span", "search-passage-id", passage.id));
    }
    item.append(link);
    return item;
  }

  // The words of the page as Pagefind numbers them (its locations count these words).
  function wordsOf(data) {
    const raw = data.raw_content || "";
    if (raw.includes("\u200B")) {
      return raw.split("\u200B").map((word) => word.replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
    }
    return (data.content || "").split(/[\r\n\s]+/g);
  }

  // The passages of a page: the words found, grouped by the block (the element with an id) they
  // are in, in the order of the page.
  function passagesOf(data) {
    const words = wordsOf(data);
    const anchors = (data.anchors || [])
      .filter((anchor) => anchor.id && isBlock(String(anchor.element).toLowerCase()))
      .sort((a, b) => a.location - b.location);
    const byBlock = new Map();
    for (const location of [...(data.locations || [])].sort((a, b) => a - b)) {
      let index = -1;
      while (index + 1 < anchors.length && anchors[index + 1].location <= location) {
        index += 1;
      }
      if (!byBlock.has(index)) {
        byBlock.set(index, []);
      }
      byBlock.get(index).push(location);
    }
    return [...byBlock.entries()].map(([index, locations]) => ({
      id: index >= 0 ? anchors[index].id : "",
      start: index >= 0 ? anchors[index].location : 0,
      end: index + 1 < anchors.length ? anchors[index + 1].location : words.length,
      locations,
      words,
    }));
  }

  function isBlock(name) {
    return !PHRASE_ELEMENTS.has(name) && !FRAME_ELEMENTS.has(name);
  }

  // The excerpt of a passage: some words around the first one found, the words found marked.
  function excerptNodes(passage) {
    const { words, locations } = passage;
    const end = Math.max(passage.start, Math.min(passage.end, words.length));
    let first = Math.max(passage.start, locations[0] - Math.floor(EXCERPT_WORDS / 3));
    const last = Math.min(end, first + EXCERPT_WORDS);
    first = Math.max(passage.start, Math.min(first, last - EXCERPT_WORDS));
    const found = new Set(locations);
    const nodes = [];
    let plain = first > passage.start ? "… " : "";
    for (let at = first; at < last; at += 1) {
      const separator = at + 1 < last ? " " : "";
      if (found.has(at)) {
        if (plain) {
          nodes.push(document.createTextNode(plain));
        }
        nodes.push(element("mark", "", words[at]));
        plain = separator;
      } else {
        plain += words[at] + separator;
      }
    }
    plain += last < end ? " …" : "";
    if (plain) {
      nodes.push(document.createTextNode(plain));
    }
    return nodes;
  }

  // ------------------------------------------------------------------ helpers

  // Pagefind gives URLs from the top of the site ("/texts/x.html"); the site may live anywhere.
  function pageUrl(url) {
    return new URL(String(url || "").replace(/^\/+/, ""), siteRoot);
  }

  function sitePath(url) {
    return url.pathname.startsWith(siteRoot.pathname) ? url.pathname.slice(siteRoot.pathname.length) : url.pathname;
  }

  function workLanguage(blockId) {
    for (const [work, lang] of languages.works) {
      if (blockId === work || blockId.startsWith(`${work}.`)) {
        return lang;
      }
    }
    return "";
  }

  function setLanguage(node, lang) {
    if (lang && lang !== "und") {
      node.lang = lang;
    }
  }

  function element(name, className, text) {
    const node = document.createElement(name);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }
})();
