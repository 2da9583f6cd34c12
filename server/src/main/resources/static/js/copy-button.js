// Copy buttons (progressive enhancement): a <button class="copy-button" data-copy-target="ID" hidden> next to a
// read-only field is shown only when this script runs and the browser can copy; without it, the field stays
// selectable. The result is announced in the nearest .copy-status (a polite live region).
(function () {
  "use strict";

  function announce(button, text) {
    var container = button.closest(".secret-field") || button.parentElement;
    var status = container ? container.querySelector(".copy-status") : null;
    if (status) {
      status.textContent = text;
    }
  }

  function fallbackCopy(field) {
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch (e) {
      return false;
    }
  }

  function enhance(button) {
    var field = document.getElementById(button.getAttribute("data-copy-target"));
    if (!field) {
      return;
    }
    button.hidden = false;
    field.addEventListener("focus", function () {
      field.select();
    });
    button.addEventListener("click", function () {
      var value = field.value;
      var copied = function () {
        announce(button, "Copied to the clipboard.");
      };
      var failed = function () {
        if (fallbackCopy(field)) {
          copied();
        } else {
          field.focus();
          field.select();
          announce(button, "Could not copy: the key is selected, press Ctrl+C (or ⌘C) to copy it.");
        }
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(value).then(copied, failed);
      } else {
        failed();
      }
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("button.copy-button[data-copy-target]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
