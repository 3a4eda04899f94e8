/* global document */
// Filters the list of session topics by tag without reloading the page. Progressive
// enhancement: the controls are built here, so without JavaScript every topic simply shows.
const filter = document.querySelector("[data-topic-filter]");
const list = document.getElementById("topics");
const count = document.getElementById("topic-count");

if (filter && list && count) {
  const tags = (filter.dataset.tags ?? "").split(" ").filter(Boolean);
  const topics = [...list.querySelectorAll(".topic")];

  const fieldset = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.textContent = "Show topics tagged";
  const options = document.createElement("div");
  options.className = "topic-filter__options";
  fieldset.append(legend, options);

  for (const tag of tags) {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.value = tag;
    box.name = "tag";
    label.append(box, tag.replace(/-/g, " "));
    options.append(label);
  }
  filter.append(fieldset);

  const update = () => {
    const chosen = [...options.querySelectorAll("input:checked")].map((box) => box.value);
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
  options.addEventListener("change", update);
  update();
}
