// Show only the fieldsets that apply: a new registration or the link to a desk registration, the
// instruction's fields for 现场批示, the fields of a held or a missed appointment. Without script
// every fieldset shows and the server decides by the choices made.
(function () {
  "use strict";
  function sync(form) {
    var mode = form.querySelector("input[name=mode]:checked");
    var outcome = form.querySelector("input[name=outcome]:checked");
    var held = form.querySelector("input[name=held]:checked");
    form.querySelectorAll("[data-shows-for]").forEach(function (box) {
      var key = box.getAttribute("data-shows-for");
      var show = true;
      if (key === "register" || key === "attach") {
        show = !mode || mode.value === key;
      } else if (key === "instructed") {
        show = !!outcome && outcome.value === "instructed" && (!held || held.value === "1");
      } else if (key === "held" || key === "not-held") {
        show = !held || (held.value === "1") === (key === "held");
      }
      box.hidden = !show;
    });
  }
  document.querySelectorAll("form[data-toggles]").forEach(function (form) {
    form.addEventListener("change", function () { sync(form); });
    sync(form);
  });
})();
