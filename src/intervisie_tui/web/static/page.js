// No inline script, so the page's Content-Security-Policy can forbid it. textual.js draws the terminal.
window.addEventListener("DOMContentLoaded", () => {
  document.getElementById("reconnect").addEventListener("click", () => window.location.reload());
});
