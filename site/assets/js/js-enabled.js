/* global document */
// Loaded in <head> as a classic script, before the page is drawn: it marks the page as one where
// the site's scripts run, so site.css can lay out the menu button and the print button from the
// first frame instead of moving the page when site.js (a module, run later) sets them up.
document.documentElement.classList.add("js-enabled");
