/* The home page offers the reader's preferred language when the browser prefers another one
   than the page's and the site has the home page in it (theme/home.html renders one hidden
   offer per version). It only shows a link: it never redirects. */
(function () {
  "use strict";
  var current = document.documentElement.getAttribute("lang");
  var offers = document.querySelectorAll(".mv-suggest[data-language]");
  var preferred = navigator.languages && navigator.languages.length ? navigator.languages
    : [navigator.language || ""];
  for (var i = 0; i < preferred.length; i++) {
    var code = String(preferred[i]).toLowerCase().split("-")[0];
    if (code === current) return; // the page is already in a language the reader prefers more
    for (var j = 0; j < offers.length; j++) {
      if (offers[j].getAttribute("data-language") === code) {
        offers[j].hidden = false;
        return;
      }
    }
  }
})();
