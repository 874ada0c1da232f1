// "Wydrukuj kody": the browser's print dialog for the recovery codes page
// (panel.css prints only the codes and their explanation).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
