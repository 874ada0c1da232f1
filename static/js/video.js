// Click-to-load video: the YouTube player (privacy-enhanced domain) is created only
// after the resident asks for it. Without JavaScript the link to YouTube remains.
(function () {
  "use strict";
  document.querySelectorAll(".video-consent").forEach(function (box) {
    var holder = box.querySelector(".video-load");
    if (!holder) {
      return;
    }
    holder.hidden = false;
    holder.querySelector("button").addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = box.dataset.embed + "&autoplay=1";
      frame.title = box.dataset.title;
      frame.width = "560";
      frame.height = "315";
      frame.allow = "autoplay; encrypted-media; picture-in-picture";
      frame.setAttribute("allowfullscreen", "");
      frame.className = "video-frame";
      box.replaceWith(frame);
      frame.focus();
    });
  });
})();
