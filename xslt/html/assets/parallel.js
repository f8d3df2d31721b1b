// The parallel view's script (site/parallel/*.html, made by xslt/html/parallel.xsl). It only adds to
// a page that is complete without it: CSS alone highlights a group's row on :hover and
// :focus-within, and the switch of columns is CSS too.
//
// Pointing at a block or focusing it (its number is a link) marks its group, so that the
// counterparts stand out wherever they are: the block gets the class "is-active", every block of
// its group (same data-group) "is-in-group", the blocks of the other work in it (other data-side)
// "is-counterpart", and the group's row "is-active-group". The keys j and k move the focus to the
// next and the previous group shown, while the focus is in the table.
"use strict";

(function () {
  var view = document.querySelector(".parallel-view");
  if (!view) {
    return;
  }
  var MARKS = ["is-active", "is-in-group", "is-counterpart", "is-active-group"];

  // The blocks of each group, found once.
  var groups = new Map();
  view.querySelectorAll(".parallel-block[data-group]").forEach(function (block) {
    var name = block.getAttribute("data-group");
    if (!groups.has(name)) {
      groups.set(name, []);
    }
    groups.get(name).push(block);
  });

  var marked = [];

  function unmark() {
    marked.forEach(function (element) {
      element.classList.remove.apply(element.classList, MARKS);
    });
    marked = [];
  }

  function mark(block) {
    unmark();
    var side = block.getAttribute("data-side");
    (groups.get(block.getAttribute("data-group")) || []).forEach(function (member) {
      member.classList.add("is-in-group");
      if (member.getAttribute("data-side") !== side) {
        member.classList.add("is-counterpart");
      }
      marked.push(member);
    });
    block.classList.add("is-active");
    var row = block.closest(".parallel-row");
    if (row) {
      row.classList.add("is-active-group");
      marked.push(row);
    }
  }

  function blockOf(node) {
    return node && node.closest ? node.closest(".parallel-block") : null;
  }

  // The block that has the focus, if any: marked again when the pointer leaves.
  function focusedBlock() {
    return view.contains(document.activeElement) ? blockOf(document.activeElement) : null;
  }

  view.addEventListener("pointerover", function (event) {
    var block = blockOf(event.target);
    if (block && !block.classList.contains("is-active")) {
      mark(block);
    }
  });
  view.addEventListener("pointerout", function (event) {
    if (blockOf(event.relatedTarget)) {
      return;
    }
    var focused = focusedBlock();
    if (focused) {
      mark(focused);
    } else {
      unmark();
    }
  });
  view.addEventListener("focusin", function (event) {
    var block = blockOf(event.target);
    if (block) {
      mark(block);
    }
  });
  view.addEventListener("focusout", function (event) {
    if (!blockOf(event.relatedTarget)) {
      unmark();
    }
  });

  function shown(element) {
    return element.getClientRects().length > 0;
  }

  // The keys work now: say so.
  view.querySelectorAll(".parallel-keys").forEach(function (hint) {
    hint.hidden = false;
  });

  // j: the next group, k: the previous one; the focus goes to the first block number shown in it.
  // Only while the focus is in the table (WCAG 2.1.4: a one-letter key is active only there).
  var table = view.querySelector(".parallel-table");
  if (!table) {
    return;
  }
  table.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    if (event.key !== "j" && event.key !== "k") {
      return;
    }
    if (event.target.closest && event.target.closest("input, textarea, select, [contenteditable]")) {
      return;
    }
    var rows = Array.prototype.filter.call(view.querySelectorAll(".parallel-row"), shown);
    var current = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest(".parallel-row") : null;
    var step = event.key === "j" ? 1 : -1;
    var index = rows.indexOf(current);
    if (index < 0) {
      index = step > 0 ? -1 : rows.length;  // from a column's header: the first or last group
    }
    for (var at = index + step; at >= 0 && at < rows.length; at += step) {
      var link = Array.prototype.find.call(rows[at].querySelectorAll(".parallel-number"), shown);
      if (link) {
        link.focus();
        event.preventDefault();
        return;
      }
    }
  });

})();
