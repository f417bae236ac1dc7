// The preview's 打印 button. A file rather than an inline handler, so that a Content-Security-Policy
// without 'unsafe-inline' still lets it work.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
