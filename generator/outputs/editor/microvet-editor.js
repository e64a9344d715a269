// The catalogue's web editor: Decap CMS with file formats of our own, so that a file saved in
// the editor reads like one written by hand (`microvet new`): the `$schema` comment on the
// first line, keys in the models' order, no empty values or nulls, short lists on one line.
//
// The field layout of each kind comes from the page (script#microvet-fields, made by
// generator/tools/editor.py from the models); js-yaml (vendored) reads and writes YAML.
(function () {
  "use strict";
  var layout = JSON.parse(document.getElementById("microvet-fields").textContent);
  var jsyaml = window.jsyaml;
  var EITHER = "_choice";
  var FIELDS = "fields";
  var FLOW_WIDTH = 72;

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isEmpty(value) {
    return value === null || value === undefined || value === "" ||
      (Array.isArray(value) && value.length === 0) ||
      (isObject(value) && Object.keys(value).length === 0);
  }

  // --- reading: a file's data -> the form's data -------------------------------------------

  function readFields(data, fields, language) {
    var out = {};
    fields.forEach(function (field) {
      if (Object.prototype.hasOwnProperty.call(data, field.name)) {
        out[field.name] = readValue(data[field.name], field, language);
      }
    });
    Object.keys(data).forEach(function (key) {  // keys the models do not know: kept as they are
      if (!(key in out)) out[key] = data[key];
    });
    return out;
  }

  function readValue(value, field, language) {
    if (field.many && Array.isArray(value)) {
      return value.map(function (item) { return readOne(item, field, language); });
    }
    return readOne(value, field, language);
  }

  function readOne(value, field, language) {
    if (field.shape === "text" && typeof value === "string") {
      var text = {};
      text[language] = value;
      return text;
    }
    if (field.shape === "either") {
      if (typeof value === "string") {
        var chosen = {};
        chosen[EITHER] = value;
        return chosen;
      }
      var group = readFields(isObject(value) ? value : {}, field.fields, language);
      group[EITHER] = FIELDS;
      return group;
    }
    if (field.fields) {
      return readFields(groupOf(value, field.fields), field.fields, language);
    }
    return value;
  }

  // The models accept a group written as its first field alone: an ESCO URI for {uri},
  // a text for {description}, `0` or `free` for {amount}.
  function groupOf(value, fields) {
    var first = fields[0];
    var isLanguageMap = isObject(value) && Object.keys(value).every(function (key) {
      return /^[a-z]{2}$/.test(key);
    }) && !fields.some(function (field) { return /^[a-z]{2}$/.test(field.name); });
    if (isObject(value) && !isLanguageMap) return value;
    var group = {};
    group[first.name] = value === "free" && first.shape === "number" ? 0 : value;
    return group;
  }

  // --- writing: the form's data -> a file's data -----------------------------------------------

  function writeFields(data, fields) {
    var out = {};
    fields.forEach(function (field) {
      if (!Object.prototype.hasOwnProperty.call(data, field.name)) return;
      var value = writeValue(data[field.name], field);
      if (!isEmpty(value)) out[field.name] = value;
    });
    Object.keys(data).forEach(function (key) {
      if (key !== EITHER && !(key in out) && !fields.some(function (f) { return f.name === key; }) &&
          !isEmpty(data[key])) {
        out[key] = data[key];
      }
    });
    return out;
  }

  function writeValue(value, field) {
    if (field.many && Array.isArray(value)) {
      return value.map(function (item) { return writeOne(item, field); })
        .filter(function (item) { return !isEmpty(item); });
    }
    return writeOne(value, field);
  }

  function writeOne(value, field) {
    if (typeof value === "string") return value.trim() === "" ? undefined : value;
    if (!isObject(value)) return value;
    if (field.shape === "either" && value[EITHER] && value[EITHER] !== FIELDS) {
      return value[EITHER];
    }
    if (field.shape === "text") {
      var text = {};
      Object.keys(value).forEach(function (language) {
        if (typeof value[language] === "string" && value[language].trim() !== "") {
          text[language] = value[language];
        }
      });
      return text;
    }
    return field.fields ? writeFields(value, field.fields) : value;
  }

  // Lists of short scalars on one line, as people write them: `languages: [it, en]`.
  function flowShortLists(documents) {
    jsyaml.visit(documents, function (node) {
      if (node.kind !== "sequence") return;
      var scalars = node.items.every(function (item) { return item.kind === "scalar"; });
      var width = node.items.reduce(function (sum, item) {
        return sum + String(item.value).length + 2;
      }, 0);
      if (scalars && width <= FLOW_WIDTH) node.style = jsyaml.COLLECTION_STYLE_FLOW;
    });
  }

  function register(kind) {
    var spec = layout[kind];
    var comment = "# yaml-language-server: $schema=" + spec.schema + "\n";
    window.CMS.registerCustomFormat("microvet-" + kind, "yaml", {
      fromFile: function (content) {
        var data = jsyaml.load(content, { schema: jsyaml.CORE_SCHEMA }) || {};
        return readFields(data, spec.fields, data.default_language || "en");
      },
      toFile: function (data) {
        return comment + jsyaml.dump(writeFields(data, spec.fields), {
          schema: jsyaml.CORE_SCHEMA, lineWidth: 96, quoteStyle: "double",
          transform: flowShortLists,
        });
      },
    });
  }

  Object.keys(layout).forEach(register);
  window.CMS.init();
})();
