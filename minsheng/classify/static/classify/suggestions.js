// Suggestion buttons on the intake page fill the field they name; the change event lets other
// scripts on the page (and the browser's own validation) see the new value.
document.addEventListener("click", (event) => {
  const button = event.target.closest("button.suggestion[data-fill]");
  if (!button) return;
  const field = document.getElementById(button.dataset.fill);
  if (!field) return;
  field.value = button.dataset.value;
  field.dispatchEvent(new Event("change", { bubbles: true }));
  button.closest(".suggestion-row")?.querySelectorAll("button.suggestion")
    .forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
});
