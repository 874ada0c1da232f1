// "Anna Kowalska edytuje ten artykuł od 10:02": asks the panel every 5 seconds
// who else has this form open and says so in a polite live region. Without
// JavaScript the notice appears when the form is opened, and a save from a
// stale form is refused anyway.
(function () {
  "use strict";

  function start() {
    var box = document.getElementById("edit-presence");
    var token = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (!box || !token || !window.fetch) {
      return;
    }
    var url = box.getAttribute("data-url");
    function beat() {
      fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": token.value },
      })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (data) {
          if (data && box.textContent !== data.message) {
            box.textContent = data.message;
          }
        })
        .catch(function () {});
    }
    beat();
    window.setInterval(beat, 5000);
  }

  // The admin puts form scripts in <head>: wait for the form.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
