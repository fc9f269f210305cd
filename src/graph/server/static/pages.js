// Small helpers of the everyday pages (no inline scripts: the CSP forbids them).
(function () {
  "use strict";
  for (const button of document.querySelectorAll("button.print")) {
    button.addEventListener("click", () => window.print());
  }
})();
