// The web desk's only script: elements with data-poll="URL" load that fragment now and
// every data-every seconds (the live counts). A fragment answered by the sign-in page
// (the session ended) reloads the page, which then shows the sign-in. A select marked
// data-submit-on-change sends its form when a choice is made (the language in the bar),
// so the form's button is hidden; without the script the button sends it.
"use strict";
(function () {
  function load(element) {
    fetch(element.dataset.poll, { credentials: "same-origin", headers: { "X-Desk-Fragment": "1" } })
      .then(function (response) {
        if (response.redirected) { window.location.reload(); return null; }
        return response.ok ? response.text() : null;
      })
      .then(function (html) { if (html !== null) { element.innerHTML = html; } })
      .catch(function () { /* the next poll tries again */ });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select[data-submit-on-change]").forEach(function (select) {
      select.form.classList.add("submits-itself");
      select.addEventListener("change", function () { select.form.submit(); });
    });
    document.querySelectorAll("[data-poll]").forEach(function (element) {
      var seconds = parseInt(element.dataset.every || "30", 10);
      load(element);
      window.setInterval(function () { load(element); }, Math.max(seconds, 5) * 1000);
    });
  });
})();
