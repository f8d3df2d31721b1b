// The web edition's shared script. It only adds to pages that are complete without it:
// - copy buttons: a button with data-copy="<id>" copies the text of that element (the buttons are
//   hidden in the HTML and shown here, when the browser can copy);
// - the cite box of a text's page: clicking or focusing a block's number (a.block-number, a link to
//   the block) fills the box with the block's citation and permanent address;
// - tooltips (data-tooltip, drawn by the style sheet on hover and focus) are hidden by Escape until
//   the pointer moves or the focus changes.
// No request to anything, no inline code (the page's Content-Security-Policy forbids it); text goes
// in with textContent only.
"use strict";

(function () {
  function copyText(text, button) {
    var done = function () { say(button, "Copied"); };
    var failed = function () { say(button, "Could not copy"); };
    navigator.clipboard.writeText(text).then(done, failed);
  }

  // A short status after a button, read by screen readers.
  function say(button, message) {
    var status = button.nextElementSibling;
    if (!status || !status.classList.contains("copy-status")) {
      status = document.createElement("span");
      status.className = "copy-status";
      status.setAttribute("role", "status");
      button.after(status);
    }
    status.textContent = message;
  }

  function setUpCopyButtons() {
    if (!navigator.clipboard || !window.isSecureContext) {
      return;
    }
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      var source = document.getElementById(button.getAttribute("data-copy"));
      if (!source) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        copyText(source.textContent.replace(/\s+/g, " ").trim(), button);
      });
    });
  }

  // The address of a block: the edition's own (data-base) when it has one, else this page's.
  function permalink(box, id) {
    var base = box.getAttribute("data-base") || window.location.href.split("#")[0];
    return base + "#" + encodeURIComponent(id).replace(/%2E/gi, ".");
  }

  function setUpBlockCitation() {
    var box = document.getElementById("il-block-citation");
    if (!box) {
      return;
    }
    var text = document.getElementById("il-block-citation-text");
    var link = document.getElementById("il-block-permalink");
    var stem = box.getAttribute("data-stem") || "";
    box.setAttribute("aria-live", "polite");

    function cite(number) {
      var block = number.closest("[data-cite]");
      if (!block || !block.id) {
        return;
      }
      var address = permalink(box, block.id);
      text.textContent = (stem ? stem + " " : "") + block.getAttribute("data-cite") + ". " + address;
      link.textContent = address;
      link.href = "#" + block.id;
      box.hidden = false;
    }

    document.addEventListener("click", function (event) {
      var number = event.target.closest && event.target.closest("a.block-number");
      if (number) {
        cite(number);
      }
    });
    document.addEventListener("focusin", function (event) {
      if (event.target.matches && event.target.matches("a.block-number")) {
        cite(event.target);
      }
    });
    if (window.location.hash) {
      var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      var number = target && target.querySelector(":scope > a.block-number");
      if (number) {
        cite(number);
      }
    }
  }

  function setUpTooltips() {
    var root = document.documentElement;
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        root.classList.add("tooltips-dismissed");
      }
    });
    var show = function () { root.classList.remove("tooltips-dismissed"); };
    document.addEventListener("pointermove", show);
    document.addEventListener("focusin", show);
  }

  function start() {
    setUpCopyButtons();
    setUpBlockCitation();
    setUpTooltips();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
