/* microVET catalogue search: turns the plain list on catalogue/ into search with facets.
 *
 * Progressive enhancement: without this script (or before the index has loaded) the page is
 * the full, paginated list. Plain ES2017, no build step, no framework. The index is the one of
 * the page's language (data-index), written by generator/outputs/search.py; `unpackIndex`
 * mirrors generator/outputs/packed_index.py `unpack`, and `words` + `indexWord` mirror
 * generator/outputs/search_text.py `normalise_words`: change them together. Every word shown
 * comes from the page's JSON block #mv-messages (generator/site/script_messages.py).
 */
(function () {
  "use strict";

  var root = document.getElementById("mv-search");
  var messageBlock = document.getElementById("mv-messages");
  if (!root || !messageBlock || !window.lunr || !window.fetch || !window.history ||
      !window.history.pushState) {
    return;
  }
  var TEXT = JSON.parse(messageBlock.textContent);
  var LANGUAGE = root.getAttribute("data-language") || "en";
  /* lunr-languages (loaded before this script for German, French, Italian, Spanish and
     Finnish) or lunr's own English stemmer; Polish has none. */
  var STEMMER = LANGUAGE === "en" ? lunr.stemmer : (lunr[LANGUAGE] && lunr[LANGUAGE].stemmer) || null;
  var STOP_WORDS = LANGUAGE === "en" ? lunr.stopWordFilter :
    (lunr[LANGUAGE] && lunr[LANGUAGE].stopWordFilter) || null;
  var PLURAL_RULES = window.Intl && Intl.PluralRules ? new Intl.PluralRules(LANGUAGE) : null;

  var PAGE_SIZE = 20;
  var MIN_PREFIX = 2;         // a word being typed counts from its second letter
  var SHORT_PREFIX = 4;       // words this short match titles and keywords only as prefixes
  var MAX_EXPANSIONS = 40;    // words one typed prefix stands for, half as many when short
  var QUERY_PARAMETER = "query";  // not "q": Material opens its own site search for ?q=
  var OUTCOME_WEIGHT = 0.5;   // a word in one of the unit's outcomes counts half
  var PROVIDER_WEIGHT = 0.5;  // ... and so does a word in its provider's name
  var ANNOUNCE_DELAY = 600;   // ms of quiet typing before the count is read out
  var URL_DELAY = 300;        // ms of quiet typing before the address follows the words
  var K1 = 1.2;
  var B = 0.75;
  var SEPARATORS = /[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\u1680\u2000-\u206f\u3000\ufeff\ud800-\udfff]+/;
  var URL_PATTERN = /https?:\/\/\S+/g;
  var COMBINING_MARKS = /[\u0300-\u036f]/g;
  var FUZZY_MIN = 5;          // words this long also match words one typo away ...
  var FUZZY_BOOST = 0.2;      // ... counting for less than exact and prefix matches
  var MAX_FUZZY = 10;         // the most frequent such words, at most
  var SUGGEST_DISTANCE = 2;   // "did you mean": the nearest indexed word this close
  var SORTS = [
    ["relevance", TEXT.messages.sortRelevance], ["title", TEXT.messages.sortTitle],
    ["next", TEXT.messages.sortNext], ["price", TEXT.messages.sortPrice],
    ["workload", TEXT.messages.sortWorkload], ["newest", TEXT.messages.sortNewest]
  ];
  var LONG_FACET = 10;        // a facet with more values scrolls, and says so
  var QUICK = [["dates", "upcoming", TEXT.messages.quickUpcoming],
               ["price", "free", TEXT.messages.quickFree]];
  var OTHER = "_other";  // the fields of texts in other languages than the page's

  /* ---- text: the same words as the Python side ------------------------------------- */

  /* Lowercase words with their accents, without links and punctuation. */
  function words(text) {
    var plain = text.replace(URL_PATTERN, " ");
    if (/[^\x00-\x7f]/.test(plain)) { plain = plain.normalize("NFKC"); }
    return plain.toLowerCase().split(SEPARATORS).filter(Boolean);
  }

  function fold(word) {
    return /[^\x00-\x7f]/.test(word) ? word.normalize("NFKD").replace(COMBINING_MARKS, "") : word;
  }

  function isStopWord(word) {
    return STOP_WORDS !== null && STOP_WORDS(new lunr.Token(word)) === undefined;
  }

  /* A word as the index of the page's language stores it: stemmed (for texts in that
     language) when `stem`, and folded. */
  function indexWord(word, stem) {
    var stemmed = stem && STEMMER ? STEMMER(new lunr.Token(word)).toString() : word;
    return fold(stemmed);
  }

  /* ---- messages -------------------------------------------------------------------- */

  function format(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_, name) { return String(values[name]); });
  }

  /* The message `key` for `count` in the page's plural rules, with its values filled in. */
  function plural(key, count, values) {
    var forms = TEXT.plurals[key];
    var category = PLURAL_RULES ? PLURAL_RULES.select(count) : (count === 1 ? "one" : "other");
    var text = forms[category] || forms.other || forms.many || forms.one;
    return format(text, values);
  }

  /* ---- the index ------------------------------------------------------------------- */

  /* lunr's serialised index from the packed form, as generator/outputs/packed_index.py `unpack`
     computes it; `frequencies`, when given, receives how many documents (counted once per
     field) have each term. Two differences keep loading 10,000 units fast: the postings'
     field maps are made on first use (a query reads a few dozen), and the field vectors are
     views into one typed array rather than a million small arrays. */
  function unpackIndex(packed, frequencies) {
    var fields = packed.fields;
    var count = packed.documents;
    var terms = packed.terms;
    var refs = [];
    for (var n = 0; n < count; n++) { refs.push(String(n)); }
    var fieldLengths = packed.lengths.map(decodeNumbers);
    var averages = fieldLengths.map(function (lengths) {
      return lengths.reduce(function (sum, length) { return sum + length; }, 0) / count;
    });
    var longest = packed.postings.reduce(function (most, text) {
      return Math.max(most, text.length);
    }, 0);
    var flat = new Int32Array(longest);  // one term's numbers at a time: no garbage
    var sizes = fields.map(function () { return new Int32Array(count); });
    var documents = new Int32Array(terms.length);
    packed.postings.forEach(function (text, termIndex) {
      documents[termIndex] = countOccurrences(flat, decodeInto(text, flat), sizes);
    });
    var total = 0;
    var starts = sizes.map(function (perDocument) {
      return perDocument.map(function (size) { total += size; return total - size; });
    });
    var filled = starts.map(function (perDocument) { return perDocument.slice(); });
    var elements = new Float64Array(total);
    packed.postings.forEach(function (text, termIndex) {
      var x = (count - documents[termIndex] + 0.5) / (documents[termIndex] + 0.5);
      var weight = Math.log(1 + Math.abs(x));  // lunr.idf
      if (frequencies) { frequencies[terms[termIndex]] = documents[termIndex]; }
      eachOccurrence(flat, decodeInto(text, flat), function (f, number, frequency) {
        var length = fieldLengths[f][number];
        var score = weight * ((K1 + 1) * frequency) /
          (K1 * (1 - B + B * (length / averages[f])) + frequency);
        score *= packed.boosts[f];
        elements[filled[f][number]++] = termIndex;
        elements[filled[f][number]++] = Math.round(score * 1000) / 1000;
      });
    });
    var fieldVectors = [];
    fields.forEach(function (field, f) {
      for (var number = 0; number < count; number++) {
        if (sizes[f][number]) {
          fieldVectors.push([field + "/" + refs[number],
                             elements.subarray(starts[f][number], filled[f][number])]);
        }
      }
    });
    var Posting = lazyPostings(fields, packed.postings, refs);
    var invertedIndex = terms.map(function (term, termIndex) {
      return [term, new Posting(termIndex)];
    });
    return { version: packed.version, fields: fields, fieldVectors: fieldVectors,
             invertedIndex: invertedIndex, pipeline: [] };
  }

  /* A type of lunr posting ({_index, field: {ref: metadata}}) whose field maps are made the
     first time a query reads them. */
  function lazyPostings(fields, texts, refs) {
    var empty = {};  // lunr only reads posting metadata, so one object serves them all
    function Posting(termIndex) {
      this._index = termIndex;
      this._made = null;
    }
    fields.forEach(function (field, f) {
      Object.defineProperty(Posting.prototype, field, { get: function () {
        var made = this._made || (this._made = fields.map(function () { return null; }));
        if (made[f] === null) {
          var map = made[f] = {};
          var flat = new Int32Array(texts[this._index].length);
          eachOccurrence(flat, decodeInto(texts[this._index], flat), function (g, number) {
            if (g === f) { map[refs[number]] = empty; }
          });
        }
        return made[f];
      } });
    });
    return Posting;
  }

  /* Adds 2 (a vector entry: term and weight) to sizes[field][document] for each entry of a
     packed posting, as eachOccurrence would, without a call per entry; returns the count. */
  function countOccurrences(flat, length, sizes) {
    var position = 0;
    var found = 0;
    while (position < length) {
      var perDocument = sizes[flat[position]];
      var remaining = flat[position + 1];
      var number = -1;
      position += 2;
      found += remaining;
      for (; remaining > 0; remaining--) {
        var doubled = flat[position];
        position += 1 + (doubled & 1);
        number += doubled >> 1;
        perDocument[number] += 2;
      }
    }
    return found;
  }

  /* Calls fn(field number, document number, frequency) for each entry of a packed posting:
     its first `length` numbers in `flat`. */
  function eachOccurrence(flat, length, fn) {
    var position = 0;
    while (position < length) {
      var field = flat[position];
      var remaining = flat[position + 1];
      var number = -1;
      position += 2;
      for (; remaining > 0; remaining--) {
        var doubled = flat[position];
        var frequency = 1;
        position += 1;
        if (doubled % 2) {
          frequency = flat[position];
          position += 1;
        }
        number += doubled >> 1;
        fn(field, number, frequency);
      }
    }
  }

  /* Numbers written five bits to a character (generator/outputs/packed_index.py encode_numbers). */
  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT_VALUES = new Int8Array(128);
  for (var d = 0; d < DIGITS.length; d++) { DIGIT_VALUES[DIGITS.charCodeAt(d)] = d; }

  /* Writes the numbers of `text` into `target` (long enough: one number per character at
     most); returns how many there are. */
  function decodeInto(text, target) {
    var count = 0;
    var value = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT_VALUES[text.charCodeAt(i)];
      if (digit >= 32) {
        value = value * 32 + digit - 32;
      } else {
        target[count++] = value * 32 + digit;
        value = 0;
      }
    }
    return count;
  }

  function decodeNumbers(text) {
    var numbers = new Array(text.length);
    numbers.length = decodeInto(text, numbers);
    return numbers;
  }

  function gapsToNumbers(gaps) {
    var number = -1;
    return gaps.map(function (gap) { number += gap; return number; });
  }

  /* ---- state: the URL query string is the single source of truth ------------------- */

  function readState(search, facets) {
    var params = new URLSearchParams(search);
    var state = { q: params.get(QUERY_PARAMETER) || "", sort: params.get("sort") || "", filters: [] };
    if (!SORTS.some(function (s) { return s[0] === state.sort; })) { state.sort = ""; }
    facets.forEach(function (facet) {
      params.getAll(facet.key).forEach(function (code) {
        var value = facet.index[code];
        var known = value !== undefined;
        var repeated = state.filters.some(function (f) { return f.key === facet.key && f.value === value; });
        if (known && !repeated) { state.filters.push({ key: facet.key, value: value }); }
      });
    });
    return state;
  }

  function writeState(state, facetsByKey) {
    var params = new URLSearchParams();
    if (state.q.trim()) { params.set(QUERY_PARAMETER, state.q); }
    state.filters.forEach(function (f) { params.append(f.key, facetsByKey[f.key].values[f.value][0]); });
    if (state.sort) { params.set("sort", state.sort); }
    var text = params.toString();
    return location.pathname + (text ? "?" + text : "") + location.hash;
  }

  /* ---- the search engine: lunr plus facets, no DOM ---------------------------------- */

  /* ESCO skills and occupations as facets (generator/outputs/search.py `esco_facets`): a
     unit teaches the skills of its outcomes, so the index lists skills per outcome and the
     unit's column is derived here through outcomeUnits; occupations come per unit. */
  function addEscoFacets(facets, data, outcomeUnits, count) {
    var esco = data.esco;
    if (!esco) { return; }
    var skills = [];
    for (var unit = 0; unit < count; unit++) { skills.push([]); }
    esco.skill.outcomes.forEach(function (text, outcome) {
      var values = decodeNumbers(text);
      if (!values.length) { return; }
      outcomeUnits[outcome].forEach(function (u) {
        values.forEach(function (v) { if (skills[u].indexOf(v) < 0) { skills[u].push(v); } });
      });
    });
    var columns = { skill: skills, occupation: esco.occupation.units.map(decodeNumbers) };
    ["skill", "occupation"].forEach(function (key) {
      var meta = esco[key];
      if (!meta.values.length) { return; }
      var index = {};
      meta.values.forEach(function (value, i) { index[value[0]] = i; });
      facets.push({ key: key, label: meta.label, values: meta.values, index: index, column: columns[key] });
    });
  }

  function Engine(data) {
    var self = this;
    var units = data.units;
    this.count = units.id.length;
    this.units = units;
    this.frequencies = Object.create(null);
    this.index = lunr.Index.load(unpackIndex(data.index, this.frequencies));
    this.outcomeUnits = data.outcomeUnits.map(function (text) {
      return gapsToNumbers(decodeNumbers(text));
    });
    this.facets = data.facets.map(function (meta) {
      var column = units.facets[meta.key];
      var index = {};
      meta.values.forEach(function (value, i) { index[value[0]] = i; });
      return { key: meta.key, label: meta.label, values: meta.values, index: index,
               column: column.map(function (v) { return Array.isArray(v) ? v : [v]; }) };
    });
    addEscoFacets(this.facets, data, this.outcomeUnits, this.count);
    this.facetsByKey = {};
    this.facets.forEach(function (facet) { self.facetsByKey[facet.key] = facet; });
    var providers = this.facetsByKey.provider;
    this.providerUnits = providers.values.map(function () { return []; });
    providers.column.forEach(function (values, unit) { self.providerUnits[values[0]].push(unit); });
    this.firstOutcome = this.count;
    this.firstProvider = this.count + this.outcomeUnits.length;
    this.cache = new Map();
  }

  Engine.prototype.plan = function (query) {
    var list = words(query);
    var typing = list.length > 0 && !SEPARATORS.test(query.slice(-1));
    var terms = [];
    list.forEach(function (word, i) {
      var partial = typing && i === list.length - 1;
      if (isStopWord(word) && !partial) { return; }  // the index has no stop words
      if (partial && word.length < MIN_PREFIX) { return; }  // one letter tells little
      if (!terms.some(function (t) { return t.word === word && t.partial === partial; })) {
        terms.push({ word: word, partial: partial, optional: isStopWord(word) });
      }
    });
    if (terms.length === 1) { terms[0].optional = false; }  // "he" may begin "heat"
    return terms;
  };

  /* The indexed words that begin with `prefix`; when there are many (a word's first letters
     are being typed), only the most frequent: scoring costs grow with their number. */
  Engine.prototype.expand = function (prefix) {
    var frequencies = this.frequencies;
    var most = prefix.length < SHORT_PREFIX ? MAX_EXPANSIONS / 2 : MAX_EXPANSIONS;
    var found = this.index.tokenSet.intersect(lunr.TokenSet.fromString(prefix + "*")).toArray();
    if (found.length > most) {
      found.sort(function (a, b) { return frequencies[b] - frequencies[a] || (a < b ? -1 : 1); });
      found.length = most;
    }
    return found;
  };

  /* The most frequent indexed words `distance` edits (a letter added, dropped, changed or two
     swapped) from `word`, other than `skip`: "pyhton" finds "python". */
  Engine.prototype.near = function (word, distance, skip) {
    var frequencies = this.frequencies;
    var found = this.index.tokenSet.intersect(lunr.TokenSet.fromFuzzyString(word, distance))
      .toArray().filter(function (term) { return term !== word && skip.indexOf(term) < 0; });
    found.sort(function (a, b) { return frequencies[b] - frequencies[a] || (a < b ? -1 : 1); });
    return found.slice(0, MAX_FUZZY);
  };

  /* The letters of the indexed words: the alphabet that edits of a typed word are made of. */
  Engine.prototype.letters = function () {
    if (!this.alphabet) {
      var seen = Object.create(null);
      Object.keys(this.frequencies).forEach(function (term) {
        for (var i = 0; i < term.length; i++) { seen[term[i]] = true; }
      });
      this.alphabet = Object.keys(seen).filter(function (c) { return /[^0-9]/.test(c); });
    }
    return this.alphabet;
  };

  /* Words one edit from `word` whose stem (in the page's language) is indexed, by stem, the
     stems most frequent first: "hygeine" finds "hygiene" (stem "hygien"), "machinng"
     "machining" (stem "machin"), which the indexed stems themselves are too far from. */
  Engine.prototype.nearWords = function (word) {
    var frequencies = this.frequencies;
    var own = indexWord(word, true);
    var byStem = Object.create(null);
    function consider(candidate) {
      var stem = indexWord(candidate, true);
      if (stem !== own && frequencies[stem] && !(stem in byStem)) { byStem[stem] = candidate; }
    }
    var letters = this.letters();
    for (var i = 0; i <= word.length; i++) {
      var head = word.slice(0, i);
      var tail = word.slice(i);
      if (i < word.length) { consider(head + tail.slice(1)); }
      if (i < word.length - 1) { consider(head + tail[1] + tail[0] + tail.slice(2)); }
      for (var l = 0; l < letters.length; l++) {
        consider(head + letters[l] + tail);
        if (i < word.length) { consider(head + letters[l] + tail.slice(1)); }
      }
    }
    var stems = Object.keys(byStem);
    stems.sort(function (a, b) { return frequencies[b] - frequencies[a] || (a < b ? -1 : 1); });
    return stems.slice(0, MAX_FUZZY).map(function (stem) { return [stem, byStem[stem]]; });
  };

  /* Whether a typed word is indexed: its stem, or as the start of an indexed word. */
  Engine.prototype.known = function (word) {
    return Boolean(this.frequencies[indexWord(word, true)]) || this.expand(fold(word)).length > 0;
  };

  /* "Did you mean": the query with each word that matches nothing replaced by the nearest
     word (one edit away, the most frequent stem; else an indexed word two edits away), or
     null when there is none. */
  Engine.prototype.suggest = function (query) {
    var self = this;
    var changed = false;
    var suggestion = words(query).map(function (word) {
      if (isStopWord(word) || word.length < 3 || self.known(word)) { return word; }
      var near = self.nearWords(word);
      if (near.length) { changed = true; return near[0][1]; }
      for (var distance = 1; distance <= SUGGEST_DISTANCE; distance++) {
        var found = self.near(fold(word), distance, []);
        if (found.length) { changed = true; return found[0]; }
      }
      return word;
    }).join(" ");
    return changed ? suggestion : null;
  };

  /* Units matching one word, with scores. In the texts of the page's language: the word's
     stem and the stems it begins ("wärmepumpen" and "wärmepumpe" both find "warmepump");
     in the other languages' texts: the word as typed and the words it begins. A word of five
     letters or more that begins no indexed word also matches, for less, the words one typo
     away. `own` holds the units found through the page's language. Cached, so typing a long
     query only searches the word being typed. */
  Engine.prototype.matchTerm = function (term) {
    var key = (term.partial ? "~" : "=") + term.word;
    var cached = this.cache.get(key);
    if (cached) { return cached; }
    var word = fold(term.word);
    var stem = indexWord(term.word, true);
    var prefixes = word.length > 1 || term.partial;
    // While the first letters of a word are typed, they match titles (two letters), then
    // titles and keywords (three): across all the text they would match nearly every unit,
    // which is slow and tells little.
    var own = word.length < 3 ? ["title"] :
      word.length < SHORT_PREFIX ? ["title", "keywords"] : ["title", "keywords", "text"];
    var other = own.map(function (field) { return field + OTHER; });
    var ownVariants = prefixes ? this.expand(stem) : [];
    if (term.partial && stem !== word) { ownVariants = ownVariants.concat(this.expand(word)); }
    var otherVariants = prefixes ? this.expand(word) : [];
    // Typos only for a word that begins no indexed word: while a correct word is being typed
    // its prefixes match, and the search for near words (the costliest part) is skipped.
    var typos = [];
    if (word.length >= FUZZY_MIN && !otherVariants.length) {
      var skip = ownVariants.concat([stem]);
      typos = this.nearWords(term.word).map(function (pair) { return pair[0]; })
        .filter(function (near) { return skip.indexOf(near) < 0; });
      this.near(word, 1, skip).forEach(function (near) {
        if (typos.indexOf(near) < 0) { typos.push(near); }
      });
    }
    var hits = this.index.query(function (q) {
      q.term(stem, { usePipeline: false, boost: 10, fields: ["title", "keywords", "text"] });
      q.term(word, { usePipeline: false, boost: 10,
                     fields: ["title" + OTHER, "keywords" + OTHER, "text" + OTHER] });
      ownVariants.forEach(function (variant) {
        q.term(variant, { usePipeline: false, boost: 1, fields: own });
      });
      otherVariants.forEach(function (variant) {
        q.term(variant, { usePipeline: false, boost: 1, fields: other });
      });
      typos.forEach(function (typo) {
        q.term(typo, { usePipeline: false, boost: FUZZY_BOOST });
      });
    });
    var found = { scores: new Map(), own: new Set() };
    var self = this;
    function add(unit, score, mine) {
      var before = found.scores.get(unit) || 0;
      found.scores.set(unit, before + score);
      if (mine) { found.own.add(unit); }
    }
    hits.forEach(function (hit) {
      var number = Number(hit.ref);
      var mine = inOwnLanguage(hit);
      if (number < self.firstOutcome) {
        add(number, hit.score, mine);
      } else if (number < self.firstProvider) {
        self.outcomeUnits[number - self.firstOutcome].forEach(function (unit) {
          add(unit, hit.score * OUTCOME_WEIGHT, mine);
        });
      } else {
        self.providerUnits[number - self.firstProvider].forEach(function (unit) {
          add(unit, hit.score * PROVIDER_WEIGHT, mine);
        });
      }
    });
    if (this.cache.size > 100) { this.cache.clear(); }
    this.cache.set(key, found);
    return found;
  };

  /* Whether a lunr result matched in a field of the page's language. */
  function inOwnLanguage(hit) {
    var metadata = hit.matchData.metadata;
    for (var term in metadata) {
      for (var field in metadata[term]) {
        if (field.slice(-OTHER.length) !== OTHER) { return true; }
      }
    }
    return false;
  }

  /* Units matching every word of the query (a stop word still being typed only adds to the
     score), with their scores by unit number; null when the query has no words (all units). */
  Engine.prototype.match = function (query) {
    var terms = this.plan(query);
    if (!terms.length) { return null; }
    var self = this;
    function scoresOf(term) { return self.matchTerm(term); }
    var required = terms.filter(function (t) { return !t.optional; }).map(scoresOf);
    var optional = terms.filter(function (t) { return t.optional; }).map(scoresOf);
    required.sort(function (a, b) { return a.scores.size - b.scores.size; });
    var scores = new Float64Array(this.count);
    var foreign = new Uint8Array(this.count);  // 1: some word matched only other languages
    var units = [];
    required[0].scores.forEach(function (score, unit) {
      var total = score;
      var own = required[0].own.has(unit);
      for (var i = 1; i < required.length; i++) {
        var more = required[i].scores.get(unit);
        if (more === undefined) { return; }
        total += more;
        own = own && required[i].own.has(unit);
      }
      for (var j = 0; j < optional.length; j++) { total += optional[j].scores.get(unit) || 0; }
      scores[unit] = total;
      foreign[unit] = own ? 0 : 1;
      units.push(unit);
    });
    return { units: units, scores: scores, foreign: foreign };
  };

  /* One search nobody sees, while the page is idle, so that the browser has compiled the
     search code before the first real key press (which is otherwise twice as slow). */
  Engine.prototype.warmUp = function () {
    var frequencies = this.frequencies;
    var word = Object.keys(frequencies).reduce(function (best, term) {
      return term.length > 4 && frequencies[term] > (frequencies[best] || 0) ? term : best;
    }, "");
    if (word) {
      // a prefix of two letters, one of four, and the whole word: each way a word is searched
      this.run({ q: word.slice(0, 4) + " " + word + " " + word.slice(0, 2), sort: "",
                 filters: [] });
      this.cache.clear();
    }
  };

  /* Results under the state's filters, and each facet value's count under the query and
     every other facet's filters (so choosing a value never hides its siblings). */
  Engine.prototype.run = function (state) {
    var matched = this.match(state.q);
    var facets = this.facets;
    var accepts = facets.map(function (facet) {
      var chosen = new Set(state.filters.filter(function (f) { return f.key === facet.key; })
        .map(function (f) { return f.value; }));
      if (!chosen.size) { return null; }
      return function (values) {
        for (var i = 0; i < values.length; i++) { if (chosen.has(values[i])) { return true; } }
        return false;
      };
    });
    var counts = facets.map(function (facet) { return new Array(facet.values.length).fill(0); });
    var results = [];
    var total = matched === null ? this.count : matched.units.length;
    var candidates = matched === null ? null : matched.units;
    for (var i = 0; i < total; i++) {
      var unit = candidates === null ? i : candidates[i];
      var failing = -1;
      var failures = 0;
      for (var f = 0; f < facets.length && failures < 2; f++) {
        if (accepts[f] !== null && !accepts[f](facets[f].column[unit])) {
          failing = f;
          failures += 1;
        }
      }
      if (failures === 0) {
        results.push(unit);
        for (var g = 0; g < facets.length; g++) { countValues(counts[g], facets[g].column[unit]); }
      } else if (failures === 1) {
        countValues(counts[failing], facets[failing].column[unit]);
      }
    }
    this.sort(results, state.sort || (matched === null ? "title" : "relevance"), matched);
    return { results: results, counts: counts, total: this.count };
  };

  function countValues(counts, values) {
    for (var i = 0; i < values.length; i++) { counts[values[i]] += 1; }
  }

  /* Best match puts the units found through the page's language first. */
  Engine.prototype.sort = function (results, sort, matched) {
    var units = this.units;
    var scores = matched ? matched.scores : null;
    var foreign = matched ? matched.foreign : null;
    var orders = {
      relevance: function (a, b) {
        return scores ? foreign[a] - foreign[b] || scores[b] - scores[a] || a - b : a - b;
      },
      title: function (a, b) { return a - b; },  // units are numbered in title order
      workload: function (a, b) { return units.hours[a] - units.hours[b] || a - b; },
      next: function (a, b) { return nextDay(a) - nextDay(b) || a - b; },
      price: function (a, b) { return units.cost[a] - units.cost[b] || a - b; },
      newest: function (a, b) { return units.published[b] - units.published[a] || a - b; }
    };
    function nextDay(unit) {  // units with no dates announced come last
      var next = units.next[String(unit)];
      return next ? next[0] : Infinity;
    }
    results.sort(orders[sort] || orders.title);
  };

  /* ---- the page ---------------------------------------------------------------------- */

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") { node.textContent = attributes.text; } else { node.setAttribute(name, attributes[name]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  /* 10,000 (10.000 in German): as toLocaleString, which is slow enough to matter for 500
     counts a key; the symbols come from CLDR through the messages. */
  function grouped(number) {
    var parts = String(number).split(".");
    var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, TEXT.group);
    return parts.length > 1 ? whole + TEXT.decimal + parts[1] : whole;
  }

  function hoursText(hours) {
    return plural("hours", hours, { num: grouped(hours) });
  }

  function Page(engine) {
    this.engine = engine;
    this.unitBase = root.getAttribute("data-units");
    // A unit described in the page's language has a page in it (`local`); others link home.
    this.localBase = root.getAttribute("data-units-local") || this.unitBase;
    this.local = {};
    (engine.units.local || []).forEach(function (position) { this.local[position] = true; }, this);
    this.count = document.getElementById("mv-count");
    this.list = document.getElementById("mv-results");
    this.shown = 0;
    this.state = readState(location.search, engine.facets);
    this.announceTimer = 0;
    this.build();
  }

  Page.prototype.build = function () {
    var self = this;
    var query = element("input", {
      id: "mv-q", type: "search", name: QUERY_PARAMETER, autocomplete: "off", spellcheck: "false",
      "aria-describedby": "mv-q-hint", "aria-controls": "mv-results"
    });
    var sort = element("select", { id: "mv-sort", name: "sort" }, SORTS.map(function (s) {
      return element("option", { value: s[0], text: s[1] });
    }));
    this.query = query;
    this.sortSelect = sort;
    this.facetBoxes = this.engine.facets.map(function (facet) { return self.buildFacet(facet); });
    this.filterCount = element("span", { class: "mv-filters__count" });
    this.quick = QUICK.filter(function (q) {
      return self.engine.facetsByKey[q[0]] && self.engine.facetsByKey[q[0]].index[q[1]] !== undefined;
    }).map(function (q) {
      var box = element("input", { type: "checkbox", id: "mv-quick-" + q[1], "data-key": q[0],
                                   "data-value": String(self.engine.facetsByKey[q[0]].index[q[1]]) });
      return { box: box, node: element("span", { class: "mv-quick__item" }, [
        box, element("label", { for: "mv-quick-" + q[1], text: q[2] })]) };
    });
    var quick = element("div", { class: "mv-quick", role: "group", "aria-label": TEXT.messages.quickFilters },
                        this.quick.map(function (q) { return q.node; }));
    quick.addEventListener("change", function (event) {
      var box = event.target;
      var key = box.getAttribute("data-key");
      var value = Number(box.getAttribute("data-value"));
      var rest = self.state.filters.filter(function (f) { return !(f.key === key && f.value === value); });
      if (box.checked) { rest.push({ key: key, value: value }); }
      self.change({ filters: rest }, "push");
    });
    this.showResults = element("button", { type: "button", class: "mv-button mv-show-results", id: "mv-show-results" });
    this.showResults.addEventListener("click", function () {
      self.filters.open = false;
      self.heading.focus();
    });
    this.printFilters = element("p", { class: "mv-print-only mv-print-filters", id: "mv-print-filters" });
    var filters = element("details", { class: "mv-filters", id: "mv-filters" }, [
      element("summary", {}, [document.createTextNode(TEXT.messages.filters), this.filterCount]),
      element("div", { class: "mv-filters__body" }, this.facetBoxes.map(function (b) { return b.node; }).concat([
        element("button", { type: "button", class: "mv-button mv-button--quiet", id: "mv-clear", text: TEXT.messages.clearFilters }),
        this.showResults
      ]))
    ]);
    if (window.matchMedia("(min-width: 60em)").matches) { filters.open = true; }
    this.filters = filters;
    filters.addEventListener("toggle", function () {
      if (filters.open) {
        self.facetBoxes.forEach(function (box) { if (box.node.open) { showCounts(box); } });
      }
    });
    var form = element("form", { class: "mv-search__form", role: "search", "aria-label": TEXT.messages.searchLabel }, [
      element("div", { class: "mv-search__query" }, [
        element("label", { for: "mv-q", text: TEXT.messages.searchLabel }),
        element("div", { class: "mv-search__field" }, [query, element("button", {
          type: "submit", class: "mv-button", id: "mv-go", text: TEXT.messages.search })]),
        element("p", { id: "mv-q-hint", class: "mv-hint", text: TEXT.messages.searchHint })
      ]),
      element("div", { class: "mv-search__sort" }, [element("label", { for: "mv-sort", text: TEXT.messages.sortBy }), sort]),
      quick,
      filters
    ]);
    // Results follow the typing; Enter or the Search button says how many and goes to them.
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.announce(0);
      self.heading.focus();
    });
    query.addEventListener("input", function () { self.change({ q: query.value }, "typing"); });
    sort.addEventListener("change", function () { self.change({ sort: sort.value }, "push"); });
    filters.addEventListener("change", function (event) {
      var box = event.target;
      if (box.type !== "checkbox") { return; }
      var facet = box.getAttribute("data-facet");
      var value = Number(box.value);
      var rest = self.state.filters.filter(function (f) { return !(f.key === facet && f.value === value); });
      if (box.checked) { rest.push({ key: facet, value: value }); }
      self.change({ filters: rest }, "push");
    });
    form.querySelector("#mv-clear").addEventListener("click", function () {
      self.change({ filters: [] }, "push");
    });
    this.download = element("button", { type: "button", class: "mv-button mv-button--quiet", id: "mv-csv",
      text: TEXT.messages.downloadCsv });
    this.download.addEventListener("click", function () { downloadCsv(self); });
    this.count.parentNode.insertBefore(this.download, this.count.nextSibling);
    this.more = element("button", { type: "button", class: "mv-button", id: "mv-more" });
    this.more.addEventListener("click", function () { self.showMore(); });
    this.empty = element("div", { class: "mv-empty", id: "mv-empty", hidden: "" });
    this.heading = document.getElementById("mv-results-heading");
    this.heading.setAttribute("tabindex", "-1");
    root.appendChild(form);
    root.parentNode.insertBefore(this.printFilters, root.nextSibling);  // printed; root is not
    this.list.parentNode.insertBefore(this.empty, this.list.nextSibling);
    this.list.parentNode.insertBefore(this.more, this.empty.nextSibling);
    var pages = document.querySelector(".mv-pages");
    if (pages) { pages.hidden = true; }
    window.addEventListener("popstate", function () {
      self.state = readState(location.search, self.engine.facets);
      self.update("none");
    });
    root.hidden = false;
    this.update("replace");
    this.state.filters.forEach(function (f) {  // a shared link shows its filters
      self.facetBoxes[self.engine.facets.indexOf(self.engine.facetsByKey[f.key])].node.open = true;
      filters.open = true;
    });
    root.setAttribute("data-state", "ready");
    var idle = window.requestIdleCallback || function (fn) { return window.setTimeout(fn, 200); };
    idle(function () { self.engine.warmUp(); });
  };

  Page.prototype.buildFacet = function (facet) {
    var counts = [];
    var boxes = [];
    var items = facet.values.map(function (value, i) {
      var id = "mv-" + facet.key + "-" + i;
      var count = element("span", { class: "mv-facet__count" });
      var box = element("input", { type: "checkbox", id: id, name: facet.key, value: String(i), "data-facet": facet.key });
      counts.push(count);
      boxes.push(box);
      return element("li", {}, [box, element("label", { for: id }, [document.createTextNode(value[1] + " "), count])]);
    });
    var chosen = element("span", { class: "mv-facet__chosen" });
    var long = facet.values.length > LONG_FACET;
    var node = element("details", { class: "mv-facet" + (long ? " mv-facet--long" : ""), "data-facet": facet.key }, [
      element("summary", {}, [document.createTextNode(facet.label), chosen]),
      element("fieldset", {}, [element("legend", { class: "md-visually-hidden", text: facet.label }),
        long ? element("p", { class: "mv-hint", text: plural("longFacet", facet.values.length, { num: grouped(facet.values.length) }) }) : null,
        element("ul", {}, items)])
    ]);
    var box = { node: node, counts: counts, boxes: boxes, chosen: chosen, shown: [],
                pending: null, chosenKey: null };
    node.addEventListener("toggle", function () { if (node.open) { showCounts(box); } });
    return box;
  };

  /* Apply a change from the form; `history` is "typing", "push", "replace" or "none". */
  Page.prototype.change = function (changes, history) {
    if (history === "push" && this.rememberTimer) {
      this.remember("replace");  // the words typed so far belong to the entry Back returns to
    }
    var state = this.state;
    this.state = {
      q: "q" in changes ? changes.q : state.q,
      sort: "sort" in changes ? changes.sort : state.sort,
      filters: "filters" in changes ? changes.filters : state.filters
    };
    if (this.state.sort === "relevance" && !this.state.q.trim()) { this.state.sort = ""; }
    this.update(history);
  };

  Page.prototype.update = function (history) {
    var started = performance.now();
    var outcome = this.engine.run(this.state);
    var before = this.results;
    this.results = outcome.results;
    this.syncForm(outcome.counts);
    if (!before || !sameStart(before, this.results, this.shown) ||
        before.length !== this.results.length) {  // else the cards shown stay right
      this.shown = 0;
      this.list.textContent = "";
      this.showMore(true);
    }
    this.showEmpty();
    this.remember(history);
    this.announce(history === "typing" ? ANNOUNCE_DELAY : 0);
    var duration = performance.now() - started;
    root.dispatchEvent(new CustomEvent("mv-search-update", { detail: { duration: duration, count: this.results.length } }));
  };

  /* Write the state into the address: a new history entry for "push", the current one for
     "replace", and the current one once typing pauses for "typing" (each history call takes
     Chromium about 10 ms: too much for every key). */
  Page.prototype.remember = function (history) {
    var self = this;
    window.clearTimeout(this.rememberTimer);
    this.rememberTimer = 0;
    if (history === "none") { return; }
    if (history === "typing") {
      this.rememberTimer = window.setTimeout(function () { self.remember("replace"); }, URL_DELAY);
      return;
    }
    var url = writeState(this.state, this.engine.facetsByKey);
    if (url === location.pathname + location.search + location.hash) { return; }
    if (history === "push") {
      window.history.pushState(null, "", url);
    } else {
      window.history.replaceState(null, "", url);
    }
  };

  Page.prototype.syncForm = function (counts) {
    var state = this.state;
    if (this.query.value !== state.q) { this.query.value = state.q; }
    this.sortSelect.value = state.sort || (state.q.trim() ? "relevance" : "title");
    this.engine.facets.forEach(function (facet, f) {
      var box = this.facetBoxes[f];
      var chosen = state.filters.filter(function (x) { return x.key === facet.key; })
        .map(function (x) { return x.value; });
      var key = chosen.slice().sort().join(" ");
      if (box.chosenKey !== key) {
        box.chosenKey = key;
        box.boxes.forEach(function (checkbox, i) { checkbox.checked = chosen.indexOf(i) >= 0; });
        box.chosen.textContent = chosen.length ? plural("chosen", chosen.length, { num: grouped(chosen.length) }) : "";
      }
      box.pending = counts[f];
      if (this.filters.open && box.node.open) { showCounts(box); }
    }, this);
    var active = state.filters.length;
    this.filterCount.textContent = active ? plural("active", active, { num: grouped(active) }) : "";
    this.quick.forEach(function (q) {
      var key = q.box.getAttribute("data-key");
      var value = Number(q.box.getAttribute("data-value"));
      q.box.checked = state.filters.some(function (f) { return f.key === key && f.value === value; });
    });
    var facetsByKey = this.engine.facetsByKey;
    var chosen = state.filters.map(function (f) {
      return format(TEXT.messages.printFilter, { facet: facetsByKey[f.key].label,
                                                 value: facetsByKey[f.key].values[f.value][1] });
    });
    var words = state.q.trim();
    this.printFilters.textContent =
      (words ? format(TEXT.messages.printWords, { words: words }) + " " : "") +
      (chosen.length ? format(TEXT.messages.printFilters, { filters: chosen.join("; ") })
                     : TEXT.messages.printNoFilters);
  };

  function sameStart(a, b, length) {
    for (var i = 0; i < length; i++) { if (a[i] !== b[i]) { return false; } }
    return true;
  }

  /* A facet's counts, written when it is open: hundreds of provider counts change with each
     key, and closed lists need not follow them all. */
  function showCounts(box) {
    var counts = box.pending;
    box.pending = null;
    if (!counts) { return; }
    for (var i = 0; i < counts.length; i++) {
      if (box.shown[i] !== counts[i]) {  // most counts stay the same from one key to the next
        box.shown[i] = counts[i];
        box.counts[i].textContent = "(" + grouped(counts[i]) + ")";
        box.boxes[i].parentNode.classList.toggle("mv-facet__value--none", counts[i] === 0);
      }
    }
  }

  Page.prototype.showMore = function (fresh) {
    var start = this.shown;
    var end = Math.min(this.results.length, start + PAGE_SIZE);
    var fragment = document.createDocumentFragment();
    for (var i = start; i < end; i++) { fragment.appendChild(this.card(this.results[i])); }
    this.list.appendChild(fragment);
    this.shown = end;
    var left = this.results.length - end;
    this.more.hidden = left <= 0;
    this.showResults.textContent = plural("showResults", this.results.length,
                                          { num: grouped(this.results.length) });
    var next = Math.min(PAGE_SIZE, left);
    this.more.textContent = plural("more", next, { num: grouped(next), left: grouped(left) });
    if (!fresh && start < end) {
      this.list.children[start].querySelector("a").focus();
    }
  };

  /* The current results as CSV, made in the browser: nothing is sent anywhere. A cell that
     starts like a formula is prefixed with ' so that spreadsheets show it as text. */
  function resultsCsv(page) {
    var units = page.engine.units;
    var facets = page.engine.facetsByKey;
    function label(key, unit) {
      var facet = facets[key];
      return facet ? facet.column[unit].map(function (v) { return facet.values[v][1]; }).join("; ") : "";
    }
    function cell(value) {
      var text = value === null || value === undefined ? "" : String(value);
      if (/^[=+\-@\t\r]/.test(text)) { text = "'" + text; }
      return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
    }
    var rows = [["id", "title", "url", "eqf_level", "hours", "ects", "price", "mode", "languages", "provider", "country"]];
    page.results.forEach(function (unit) {
      rows.push([units.id[unit], units.title[unit], new URL(page.unitUrl(unit), location.href).href,
        label("level", unit), units.hours[unit], units.ects[unit], units.price[unit], label("mode", unit),
        label("lang", unit), label("provider", unit), label("country", unit)]);
    });
    return rows.map(function (row) { return row.map(cell).join(","); }).join("\r\n") + "\r\n";
  }

  function downloadCsv(page) {
    var blob = new Blob([resultsCsv(page)], { type: "text/csv;charset=utf-8" });
    var link = element("a", { href: URL.createObjectURL(blob), download: "microvet-search-results.csv" });
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 0);
  }

  Page.prototype.unitUrl = function (unit) {
    return (this.local[unit] ? this.localBase : this.unitBase) + this.engine.units.id[unit] + "/";
  };

  Page.prototype.card = function (unit) {
    var units = this.engine.units;
    var facets = this.engine.facetsByKey;
    function label(key) {
      return facets[key].column[unit].map(function (v) { return facets[key].values[v][1]; }).join(", ");
    }
    var link = element("a", { href: this.unitUrl(unit), text: units.title[unit] });
    var language = units.titleLang[String(unit)];
    if (language) { link.setAttribute("lang", language); }
    var workload = hoursText(units.hours[unit]) +
      (units.ects[unit] ? " · " + format(TEXT.messages.ects, { num: grouped(units.ects[unit]) }) : "");
    var facts = [label("level"), workload, label("mode"), label("lang"), label("licence"), units.price[unit]];
    var next = units.next[String(unit)];
    var summary = element("p", { class: "mv-card__summary", "data-unit": String(unit) });
    if (this.summaries) { summary.textContent = this.summaries[unit]; }
    return element("article", { class: "mv-card" }, [
      element("h3", { class: "mv-card__title" }, [link]),
      summary,
      element("p", { class: "mv-card__next",
                     text: next ? format(TEXT.messages.nextStart, { date: next[1] }) : TEXT.messages.noDates }),
      element("ul", { class: "mv-facts", "aria-label": TEXT.messages.keyFacts }, facts.map(function (fact) {
        return element("li", { text: fact });
      })),
      element("p", { class: "mv-card__provider", text: label("provider") + ", " + label("country") })
    ]);
  };

  /* The summaries arrive after the index: fill in the cards already shown. */
  Page.prototype.setSummaries = function (summaries) {
    this.summaries = summaries;
    Array.prototype.forEach.call(this.list.querySelectorAll(".mv-card__summary[data-unit]"), function (p) {
      p.textContent = summaries[Number(p.getAttribute("data-unit"))];
    });
  };

  Page.prototype.showEmpty = function () {
    var empty = this.empty;
    var self = this;
    empty.textContent = "";
    empty.hidden = this.results.length > 0;
    if (!empty.hidden) {
      var last = this.state.filters[this.state.filters.length - 1];
      var action;
      if (last) {
        var facet = this.engine.facetsByKey[last.key];
        action = element("button", { type: "button", class: "mv-button",
          text: format(TEXT.messages.removeFilter, { facet: facet.label, value: facet.values[last.value][1] }) });
        action.addEventListener("click", function () {
          self.change({ filters: self.state.filters.slice(0, -1) }, "push");
          self.heading.focus();
        });
      } else {
        action = element("button", { type: "button", class: "mv-button", text: TEXT.messages.clearWords });
        action.addEventListener("click", function () {
          self.change({ q: "" }, "push");
          self.query.focus();
        });
      }
      empty.appendChild(element("p", { text: TEXT.messages.noMatch }));
      var suggestion = this.state.q.trim() ? this.engine.suggest(this.state.q) : null;
      if (suggestion) {
        var retry = element("button", { type: "button", class: "mv-button mv-suggest", text: suggestion });
        retry.addEventListener("click", function () {
          self.change({ q: suggestion }, "push");
          self.query.focus();
        });
        var parts = TEXT.messages.didYouMean.split("%(query)s");
        empty.appendChild(element("p", { class: "mv-did-you-mean" }, [
          document.createTextNode(parts[0]), retry, document.createTextNode(parts.slice(1).join(""))]));
      }
      empty.appendChild(action);
    }
  };

  /* Say how many: after `delay` ms of quiet typing, or at once (0: Enter, a filter, sort). */
  Page.prototype.announce = function (delay) {
    var self = this;
    window.clearTimeout(this.announceTimer);
    var say = function () {
      var found = self.results.length;
      var text = found === self.engine.count && !self.state.filters.length && !self.state.q.trim()
        ? plural("all", found, { num: grouped(found) })
        : plural("matches", found, { num: grouped(found), total: grouped(self.engine.count) });
      if (self.count.textContent !== text) { self.count.textContent = text; }
    };
    if (delay) { this.announceTimer = window.setTimeout(say, delay); } else { say(); }
  };

  /* What tests/browser compare with the Python side. */
  window.microvetSearch = Object.freeze({ unpackIndex: unpackIndex, words: words,
                                          isStopWord: isStopWord, indexWord: indexWord,
                                          language: LANGUAGE });

  /* Timings for docs/benchmarks.md, in the browser's performance timeline. */
  function mark(name) {
    if (window.performance && performance.mark) { performance.mark("mv-search-" + name); }
  }

  root.setAttribute("data-state", "loading");
  mark("start");
  function settled() { document.documentElement.classList.add("mv-search-settled"); }
  // Both files at once; the summaries only fill in the cards' texts.
  var summariesPath = root.getAttribute("data-summaries");
  var summaries = summariesPath ? window.fetch(summariesPath).then(function (response) {
    if (!response.ok) { throw new Error("summaries: HTTP " + response.status); }
    return response.json();
  }) : null;
  window.fetch(root.getAttribute("data-index"))
    .then(function (response) {
      if (!response.ok) { throw new Error("search index: HTTP " + response.status); }
      mark("response");
      return response.json();
    })
    .then(function (data) {
      if (data.version !== 2) { throw new Error("search index: unknown version " + data.version); }
      mark("index-parsed");
      var engine = new Engine(data);
      mark("index-loaded");
      // The page is built in a task of its own: a phone stays responsive in between.
      return new Promise(function (resolve) { window.setTimeout(resolve, 0); })
        .then(function () { return new Page(engine); });
    })
    .then(function (page) {
      mark("ready");
      // The list shows once the cards have their summaries too: filled in later, they would
      // move every card below them (catalogue.css, `mv-search-settled`).
      if (!summaries) { settled(); return; }
      summaries.then(function (data) { page.setSummaries(data.summaries); settled(); })
        .catch(function (error) { settled(); if (window.console) { window.console.error(error); } });
    })
    .catch(function (error) {
      root.setAttribute("data-state", "failed");
      settled();
      if (window.console) { window.console.error(error); }
    });
}());
