/* global document */
// Filters the list of session topics by tag without reloading the page. Progressive
// enhancement: the tick boxes are in the page (layouts/partials/topics.njk) but shown only where
// this script runs, so without JavaScript every topic simply shows.
const filter = document.querySelector("[data-topic-filter]");
const list = document.getElementById("topics");
const count = document.getElementById("topic-count");

if (filter && list && count) {
  const boxes = [...filter.querySelectorAll('input[type="checkbox"]')];
  const topics = [...list.querySelectorAll(".topic")];

  const update = () => {
    const chosen = boxes.filter((box) => box.checked).map((box) => box.value);
    let shown = 0;
    for (const topic of topics) {
      const topicTags = (topic.dataset.tags ?? "").split(" ");
      const visible = chosen.length === 0 || chosen.some((tag) => topicTags.includes(tag));
      topic.hidden = !visible;
      if (visible) shown += 1;
    }
    count.textContent =
      chosen.length === 0
        ? `Showing all ${topics.length} topics.`
        : `Showing ${shown} of ${topics.length} topics, tagged ${chosen.join(" or ").replace(/-/g, " ")}.`;
  };
  filter.addEventListener("change", update);
  // A reload can keep boxes ticked: show what they select.
  if (boxes.some((box) => box.checked)) update();
}
