// The public pages' small helpers. Everything works without them; no inline scripts (the portal's
// content policy forbids them).
(function () {
  "use strict";
  var COOKIE = "portal_large_type";
  document.documentElement.classList.add("js");

  // 大字版: switch in place, so a half-filled form is not lost; remembered for a year in a cookie.
  document.querySelectorAll(".large-type-toggle").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var on = !document.documentElement.classList.contains("large-type");
      document.documentElement.classList.toggle("large-type", on);
      document.cookie = COOKIE + "=" + (on ? "1" : "0") + "; path=/; max-age=31536000; samesite=lax" +
        (location.protocol === "https:" ? "; secure" : "");
      form.querySelector("button").setAttribute("aria-pressed", on ? "true" : "false");
    });
  });

  document.querySelectorAll(".langswitch select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });

  document.querySelectorAll(".js-print").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  // After a failed submit, take the reader to the summary of what to fix.
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }

  // Prevent a double submit on slow connections (an elderly user pressing twice).
  document.querySelectorAll("form.once").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("button[type=submit]").forEach(function (b) {
        setTimeout(function () { b.disabled = true; }, 0);
      });
    });
  });
})();
