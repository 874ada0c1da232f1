// Polish names for the rich-text editor's menu. django-prose-editor translates its
// dialogs through the admin's JavaScript catalog, but names its menu buttons in
// English in code; office staff (and their screen readers) get Polish here.
(function () {
  "use strict";
  var names = {
    "paragraph": "Akapit",
    "Paragraph": "Akapit",
    "Heading 2": "Nagłówek 2",
    "Heading 3": "Nagłówek 3",
    "Heading 4": "Nagłówek 4",
    "unordered list": "Lista punktowana",
    "ordered list": "Lista numerowana",
    "blockquote": "Cytat",
    "horizontal rule": "Linia pozioma",
    "bold": "Pogrubienie",
    "italic": "Kursywa",
    "insert link": "Wstaw link",
    "remove link": "Usuń link",
    "Insert table": "Wstaw tabelę",
    "Add column": "Dodaj kolumnę",
    "Delete column": "Usuń kolumnę",
    "Add row": "Dodaj wiersz",
    "Delete row": "Usuń wiersz",
    "Merge cells": "Scal komórki",
    "Split cell": "Podziel komórkę",
    "Toggle header cell": "Komórka nagłówka",
    "Delete table": "Usuń tabelę",
    "undo": "Cofnij",
    "redo": "Ponów"
  };

  function translate(root) {
    prepareEditingAreas(root);
    nameLinkDialog(root);
    root.querySelectorAll(".prose-menubar [title]").forEach(function (button) {
      var polish = names[button.getAttribute("title")];
      if (polish) {
        button.setAttribute("title", polish);
        button.setAttribute("aria-label", polish);
      }
    });
    root.querySelectorAll(".prose-menubar__option > *").forEach(function (option) {
      var polish = names[option.textContent.trim()];
      if (polish) {
        option.textContent = polish;
      }
    });
  }

  // The editing area: spelling checked by the browser in the text's language,
  // Polish unless the field is a translation ("body_uk", "body_en"; the library
  // turns spellcheck off). It is also named after its field's label, for screen
  // readers.
  function prepareEditingAreas(root) {
    root.querySelectorAll(".ProseMirror[contenteditable]").forEach(function (area) {
      var row = area.closest(".form-row");
      var source = row && row.querySelector("textarea[name]");
      var translation = source && /_(uk|en)$/.exec(source.name);
      area.setAttribute("lang", translation ? translation[1] : "pl");
      area.setAttribute("spellcheck", "true");
      var label = row && row.querySelector("label");
      if (label && !area.hasAttribute("aria-label")) {
        area.setAttribute("aria-label", label.textContent.replace(/:\s*$/, "").trim());
      }
    });
  }

  // The library titles its link dialog "Edytuj link" also for a new link.
  function nameLinkDialog(root) {
    root.querySelectorAll(".prose-editor-dialog-title").forEach(function (title) {
      var form = title.closest("form") || title.parentNode;
      var address = form.querySelector("input[type=text], input:not([type])");
      if (title.dataset.named || !address) {
        return;
      }
      title.dataset.named = "1";
      if (title.textContent === "Edytuj link" && !address.value) {
        title.textContent = "Dodaj link";
        var submit = form.querySelector("button[type=submit]");
        if (submit) {
          submit.textContent = "Wstaw";
        }
      }
    });
  }

  function start() {
    translate(document);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) {
            translate(node.parentNode || node);
          }
        });
      });
      // The editor may become editable after it was added: check them all.
      prepareEditingAreas(document);
    }).observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["contenteditable"],
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
