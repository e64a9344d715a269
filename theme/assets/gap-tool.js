/* The offline gap tool (theme/gap-tool.html): which of a list of ESCO skills does the
   catalogue teach? Data: api/gap-tool.json, made at build time (generator/outputs/labour.py):
   skills [uri, label, page, [unit numbers], demand count], units [id, title, page],
   occupations [label, page, [skill numbers]]. Nothing typed leaves the browser. */
(function () {
  "use strict";
  var form = document.getElementById("mv-gap-form");
  var result = document.getElementById("mv-gap-result");
  if (!form || !result || !window.fetch) { return; }
  var site = form.getAttribute("data-site");
  var data = null;

  function element(name, text, attributes) {
    var node = document.createElement(name);
    if (text) { node.textContent = text; }
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    return node;
  }

  function link(text, href) { return element("a", text, { href: href }); }

  function normalise(text) { return text.trim().toLowerCase().replace(/\s+/g, " "); }

  function find(line) {
    var uri = line.match(/esco\/skill\/([0-9a-f-]{36})/i);
    if (uri) {
      var wanted = "http://data.europa.eu/esco/skill/" + uri[1].toLowerCase();
      var index = data.skills.findIndex(function (s) { return s[0] === wanted; });
      return index >= 0 ? [index] : [{ uri: wanted }];
    }
    var text = normalise(line);
    var exact = [], partial = [];
    data.skills.forEach(function (skill, number) {
      var label = normalise(skill[1]);
      if (label === text) { exact.push(number); } else if (label.indexOf(text) >= 0) { partial.push(number); }
    });
    return exact.length ? exact : partial.slice(0, 10);
  }

  function item(skill) {
    var li = element("li");
    li.appendChild(link(skill[1], site + skill[2]));
    li.appendChild(document.createTextNode(": "));
    if (skill[3].length) {
      skill[3].forEach(function (number, position) {
        var unit = data.units[number];
        if (position) { li.appendChild(document.createTextNode(", ")); }
        li.appendChild(link(unit[1], site + unit[2]));
      });
    } else {
      li.appendChild(element("strong", result.getAttribute("data-none"), { "class": "mv-no-offer" }));
    }
    return li;
  }

  function section(title, items, key) {
    var wrapper = element("section", null, { "class": "mv-gap-result__" + key });
    wrapper.appendChild(element("h2", title + " (" + items.length + ")"));
    var list = element("ul");
    items.forEach(function (li) { list.appendChild(li); });
    wrapper.appendChild(list);
    return wrapper;
  }

  function check(event) {
    event.preventDefault();
    var chosen = [], unknown = [], seen = {};
    function add(number) { if (!seen[number]) { seen[number] = true; chosen.push(number); } }
    form.elements.skills.value.split(/\n/).forEach(function (line) {
      if (!line.trim()) { return; }
      var found = find(line);
      if (!found.length) { unknown.push(element("li", line.trim())); }
      found.forEach(function (hit) {
        if (typeof hit === "number") { add(hit); return; }
        var li = element("li");
        li.appendChild(link(hit.uri, hit.uri));
        li.appendChild(document.createTextNode(": "));
        li.appendChild(element("strong", result.getAttribute("data-none"), { "class": "mv-no-offer" }));
        unknown.push(li);
      });
    });
    var occupation = form.elements.occupation.value;
    if (occupation !== "") { data.occupations[Number(occupation)][2].forEach(add); }
    var covered = chosen.filter(function (n) { return data.skills[n][3].length; });
    var open = chosen.filter(function (n) { return !data.skills[n][3].length; });
    result.textContent = "";
    result.appendChild(section(result.getAttribute("data-covered"), covered.map(function (n) { return item(data.skills[n]); }), "covered"));
    result.appendChild(section(result.getAttribute("data-open"), open.map(function (n) { return item(data.skills[n]); }), "open"));
    if (unknown.length) { result.appendChild(section(result.getAttribute("data-unknown"), unknown, "unknown")); }
  }

  fetch(form.getAttribute("data-source")).then(function (response) { return response.json(); }).then(function (loaded) {
    data = loaded;
    var select = form.elements.occupation;
    data.occupations.forEach(function (occupation, number) {
      select.appendChild(element("option", occupation[0], { value: String(number) }));
    });
    form.addEventListener("submit", check);
    form.setAttribute("data-ready", "true");
  });
}());
