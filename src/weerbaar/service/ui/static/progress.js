// Refreshes a batch job's progress from the JSON form of its page; reloads when it ends.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box) return;
  var url = box.getAttribute("data-json");
  var bar = document.getElementById("job-progress");
  var count = document.getElementById("job-count");
  var template = count ? count.getAttribute("data-template") : "";
  function tick() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (job) {
        if (job.status !== "queued" && job.status !== "running") {
          window.location.reload();
          return;
        }
        if (bar && job.rows) { bar.max = job.rows; bar.value = job.done; }
        if (count && job.rows) {
          count.textContent = template.replace("{done}", job.done).replace("{rows}", job.rows);
        }
        window.setTimeout(tick, 1000);
      })
      .catch(function () { window.setTimeout(tick, 3000); });
  }
  window.setTimeout(tick, 1000);
})();
