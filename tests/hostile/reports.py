# ruff: noqa: E501, RUF001 - report lines kept whole, look-alike letters on purpose
"""The exact report of `microvet check` for each case of the hostile corpus (corpus.py).

Written by hand from the rules in generator/ and checked line by line: a change here is a
change of what providers read, so review it like one.
"""

from __future__ import annotations

REPORTS: dict[str, list[str]] = {
    "billion-laughs": [
        'content/units/barista.yaml:1:4: YAML anchors (&a) are not allowed: write each value out in full',
    ],
    "alias-without-anchor": [
        'content/units/barista.yaml:2:8: YAML aliases (*title) are not allowed: write the value out in full',
    ],
    "merge-key": [
        'content/units/barista.yaml:21:5: YAML aliases (*defaults) are not allowed: write the value out in full',
    ],
    "python-object-apply": [
        'content/units/barista.yaml:1:5: YAML tags (tag:yaml.org,2002:python/object/apply:os.system) are not allowed: remove the tag and write a plain value',
    ],
    "python-name": [
        'content/units/barista.yaml:2:8: YAML tags (tag:yaml.org,2002:python/name:os.system) are not allowed: remove the tag and write a plain value',
    ],
    "local-tag": [
        'content/units/barista.yaml:2:8: YAML tags (!secret) are not allowed: remove the tag and write a plain value',
    ],
    "tag-directive": [
        'content/units/barista.yaml:3:5: YAML tags (tag:yaml.org,2002:python/object:Foo) are not allowed: remove the tag and write a plain value',
    ],
    "duplicate-key": [
        "content/units/barista.yaml:21:1: duplicate field 'title' (first given at line 2): keep one of them",
    ],
    "duplicate-nested-key": [
        "content/units/barista.yaml:11:3: duplicate field 'hours' (first given at line 9): keep one of them",
    ],
    "deep-flow-nesting": [
        'content/units/barista.yaml:21:30: nesting deeper than 20 levels is not allowed',
    ],
    "deep-block-nesting": [
        'content/units/barista.yaml:41:41: nesting deeper than 20 levels is not allowed',
    ],
    "twenty-megabytes": [
        'content/units/barista.yaml:1:1: the file is 20,000,548 bytes; the limit is 131,072 bytes (a unit description is a few kilobytes: move long material to a linked page)',
    ],
    "invalid-utf8": [
        'content/units/barista.yaml:2:16: the file is not UTF-8 (byte 0xff): save it with UTF-8 encoding in your editor',
    ],
    "latin1-file": [
        'content/units/barista.yaml:2:11: the file is not UTF-8 (byte 0xe9): save it with UTF-8 encoding in your editor',
    ],
    "utf16-file": [
        'content/units/barista.yaml:1:1: the file is not UTF-8 (byte 0xff): save it with UTF-8 encoding in your editor',
    ],
    "nul-byte": [
        'content/units/barista.yaml:2:15: the file contains a control character (U+0000) that is not allowed in YAML: delete it',
    ],
    "nul-escape": [
        'content/units/barista.yaml:2:8: the text contains the character U+0000, which is not allowed in published text: delete it',
    ],
    "terminal-escape": [
        'content/units/barista.yaml:2:8: the text contains the character U+001B, which is not allowed in published text: delete it',
    ],
    "lone-surrogate": [
        'content/units/barista.yaml:2:8: the text contains the character U+D800, which is not allowed in published text: delete it',
    ],
    "empty-file": [
        'content/units/barista.yaml:1:1: the file is empty: it must describe one object',
    ],
    "comments-only": [
        'content/units/barista.yaml:1:1: the file is empty: it must describe one object',
    ],
    "list-not-mapping": [
        'content/units/barista.yaml:1:1: expected fields (`name: value` lines), found a list',
    ],
    "scalar-not-mapping": [
        'content/units/barista.yaml:1:1: expected fields (`name: value` lines), found a single value',
    ],
    "two-documents": [
        'content/units/barista.yaml:21:1: invalid YAML: expected a single document in the stream: but found another document',
    ],
    "key-not-text": [
        'content/units/barista.yaml:21:1: a field name must be plain text',
    ],
    "symbolic-link": [
        'content/units/barista.yaml:1:1: the file is a symbolic link: commit the file itself, not a link to it',
    ],
    "not-a-yaml-file": [
        'content/units/barista.yml:1:1: only `.yaml` files belong in this folder: rename or move it',
    ],
    "file-name-with-new-line": [
        "content/units/x\\n::error::pwned.yaml:1:5: `id`: 'barista' differs from the file name 'x\\n::error::pwned.yaml': they must be equal (rename one of them)",
        "content/units/x\\n::error::pwned.yaml:1:5: `id`: 'barista' is already used by content/units/barista.yaml",
    ],
    "file-name-with-a-workflow-command": [
        "::error file=content/units/x%0A%3A%3Aerror%3A%3Apwned%2C.yaml,line=1,col=5::`id`: 'barista' differs from the file name 'x%0A::error::pwned,.yaml': they must be equal (rename one of them)",
        "::error file=content/units/x%0A%3A%3Aerror%3A%3Apwned%2C.yaml,line=1,col=5::`id`: 'barista' is already used by content/units/barista.yaml",
    ],
    "byte-order-mark": [
    ],
    "windows-line-endings": [
    ],
    "id-dot-dot": [
        "content/units/barista.yaml:1:5: `id`: '../../etc/passwd' differs from the file name 'barista.yaml': they must be equal (rename one of them)",
        "content/units/barista.yaml:1:5: `id`: '../../etc/passwd' is not a valid id: use 3-64 characters, lowercase letters a-z, digits and single hyphens, starting and ending with a letter or digit (for example 'barista-basics')",
    ],
    "id-slash": [
        "content/units/barista.yaml:1:5: `id`: 'units/barista' differs from the file name 'barista.yaml': they must be equal (rename one of them)",
        "content/units/barista.yaml:1:5: `id`: 'units/barista' is not a valid id: use 3-64 characters, lowercase letters a-z, digits and single hyphens, starting and ending with a letter or digit (for example 'barista-basics')",
    ],
    "id-upper-case": [
        "content/units/Barista.yaml:1:5: `id`: 'Barista' is not a valid id: use 3-64 characters, lowercase letters a-z, digits and single hyphens, starting and ending with a letter or digit (for example 'barista-basics')",
    ],
    "id-space": [
        "content/units/barista basics.yaml:1:5: `id`: 'barista basics' is not a valid id: use 3-64 characters, lowercase letters a-z, digits and single hyphens, starting and ending with a letter or digit (for example 'barista-basics')",
    ],
    "id-look-alike": [
        "content/units/bаrista.yaml:1:5: `id`: 'bаrista' is not a valid id: use 3-64 characters, lowercase letters a-z, digits and single hyphens, starting and ending with a letter or digit (for example 'barista-basics')",
    ],
    "id-not-file-name": [
        "content/units/barista.yaml:1:5: `id`: 'espresso-basics' differs from the file name 'barista.yaml': they must be equal (rename one of them)",
    ],
    "ref-dot-dot": [
        "content/units/barista.yaml:4:11: '../providers/centre' is a path, not an id: write 'centre' (the file name without .yaml)",
    ],
    "ref-slash": [
        "content/units/barista.yaml:12:12: 'outcomes/espresso' is a path, not an id: write 'espresso' (the file name without .yaml)",
    ],
    "ref-upper-case": [
        "content/units/barista.yaml:4:11: 'Centre' is not written as an id: write 'centre' (ids use lowercase letters, digits and hyphens)",
    ],
    "ref-space": [
        "content/units/barista.yaml:12:12: 'espresso shot' looks like a title, not an id: write the outcome's id, the name of its file in content/outcomes/ without .yaml; did you mean 'espresso'?",
    ],
    "ref-look-alike": [
        "content/units/barista.yaml:4:11: 'cеntre' is not an id: write the provider's id, the name of its file in content/providers/ without .yaml; did you mean 'centre'?",
    ],
    "ref-missing-body": [
        "content/units/barista.yaml:21:27: no provider 'chamber': there is no file content/providers/chamber.yaml",
    ],
    "stack-into-itself": [
        "content/units/barista.yaml:24:13: stacking goes round in a circle: 'barista' stacks into 'barista', which leads back to 'barista'",
    ],
    "stack-cycle-of-two": [
        "content/units/barista.yaml:24:13: stacking goes round in a circle: 'barista' stacks into 'latte-art', which leads back to 'barista'",
        "content/units/latte-art.yaml:24:13: stacking goes round in a circle: 'latte-art' stacks into 'barista', which leads back to 'latte-art'",
    ],
    "stack-cycle-of-three": [
        "content/units/barista.yaml:24:13: stacking goes round in a circle: 'barista' stacks into 'latte-art', which leads back to 'barista'",
        "content/units/coffee-roasting.yaml:24:13: stacking goes round in a circle: 'coffee-roasting' stacks into 'barista', which leads back to 'coffee-roasting'",
        "content/units/latte-art.yaml:24:13: stacking goes round in a circle: 'latte-art' stacks into 'coffee-roasting', which leads back to 'latte-art'",
    ],
    "stack-into-missing": [
        "content/units/barista.yaml:24:13: no unit 'latte-art': there is no file content/units/latte-art.yaml",
    ],
    "many-dangling-references": [
        "content/units/barista.yaml:12:12: no outcome 'missing-0': there is no file content/outcomes/missing-0.yaml",
        "content/units/barista.yaml:12:23: no outcome 'missing-1': there is no file content/outcomes/missing-1.yaml",
        "content/units/barista.yaml:12:34: no outcome 'missing-2': there is no file content/outcomes/missing-2.yaml",
        "content/units/barista.yaml:12:45: no outcome 'missing-3': there is no file content/outcomes/missing-3.yaml",
        "content/units/barista.yaml:12:56: no outcome 'missing-4': there is no file content/outcomes/missing-4.yaml",
        "content/units/barista.yaml:12:67: no outcome 'missing-5': there is no file content/outcomes/missing-5.yaml",
        "content/units/barista.yaml:12:78: no outcome 'missing-6': there is no file content/outcomes/missing-6.yaml",
        "content/units/barista.yaml:12:89: no outcome 'missing-7': there is no file content/outcomes/missing-7.yaml",
        "content/units/barista.yaml:12:100: no outcome 'missing-8': there is no file content/outcomes/missing-8.yaml",
        "content/units/barista.yaml:12:111: no outcome 'missing-9': there is no file content/outcomes/missing-9.yaml",
        "content/units/barista.yaml:12:122: no outcome 'missing-10': there is no file content/outcomes/missing-10.yaml",
        "content/units/barista.yaml:12:134: no outcome 'missing-11': there is no file content/outcomes/missing-11.yaml",
        "content/units/barista.yaml:12:146: no outcome 'missing-12': there is no file content/outcomes/missing-12.yaml",
        "content/units/barista.yaml:12:158: no outcome 'missing-13': there is no file content/outcomes/missing-13.yaml",
        "content/units/barista.yaml:12:170: no outcome 'missing-14': there is no file content/outcomes/missing-14.yaml",
        "content/units/barista.yaml:12:182: no outcome 'missing-15': there is no file content/outcomes/missing-15.yaml",
        "content/units/barista.yaml:12:194: no outcome 'missing-16': there is no file content/outcomes/missing-16.yaml",
        "content/units/barista.yaml:12:206: no outcome 'missing-17': there is no file content/outcomes/missing-17.yaml",
        "content/units/barista.yaml:12:218: no outcome 'missing-18': there is no file content/outcomes/missing-18.yaml",
        "content/units/barista.yaml:12:230: no outcome 'missing-19': there is no file content/outcomes/missing-19.yaml",
        'content/units/barista.yaml:12:242: 4,980 more references from here on do not resolve either: fix the ones above first',
    ],
    "eqf-zero": [
        "content/units/barista.yaml:6:12: `eqf_level`: '0' is not an allowed value; allowed: 1, 2, 3, 4, 5, 6, 7, 8",
    ],
    "eqf-nine": [
        "content/units/barista.yaml:6:12: `eqf_level`: '9' is not an allowed value; allowed: 1, 2, 3, 4, 5, 6, 7, 8",
    ],
    "workload-negative": [
        'content/units/barista.yaml:9:10: `workload.hours`: must be greater than 0',
    ],
    "workload-absurd": [
        'content/units/barista.yaml:9:10: `workload.hours`: must be at most 3000',
    ],
    "workload-infinite": [
        'content/units/barista.yaml:9:10: `workload.hours`: expected a number',
    ],
    "workload-overflow": [
        'content/units/barista.yaml:9:10: `workload.hours`: expected a finite number',
    ],
    "number-with-5000-digits": [
        'content/units/barista.yaml:9:10: the number has 5,001 digits; no field takes more than 30',
    ],
    "ects-absurd": [
        'content/units/barista.yaml:10:9: `workload.ects`: must be at most 60',
    ],
    "price-negative": [
        'content/units/barista.yaml:19:17: `price.amount`: must be at least 0',
    ],
    "price-absurd": [
        'content/units/barista.yaml:19:17: `price.amount`: must be at most 100000',
    ],
    "price-fractions-of-a-cent": [
        'content/units/barista.yaml:19:17: `price.amount`: use at most 2 decimal place(s)',
    ],
    "places-zero": [
        'content/units/barista.yaml:24:13: `sessions[0].places`: must be greater than 0',
    ],
    "date-february-30": [
        "content/units/barista.yaml:21:12: '2026-02-30' is not a real date (YYYY-MM-DD)",
    ],
    "date-month-13": [
        "content/units/barista.yaml:22:12: '2026-13-01' is not a real date (YYYY-MM-DD)",
    ],
    "date-year-zero": [
        "content/units/barista.yaml:21:10: '0000-01-01' is not a real date (YYYY-MM-DD)",
    ],
    "session-ends-before-start": [
        'content/units/barista.yaml:22:5: `sessions[0]`: `end` is before `start`',
    ],
    "url-provider-homepage": [
        "content/providers/centre.yaml:6:11: `homepage`: 'javascript:alert(1)' is not a web address: give a full address starting with https://",
    ],
    "url-every-scheme": [
        "content/providers/centre.yaml:9:10: `accreditations[0].url`: 'javascript:alert(1)' is not a web address: give a full address starting with https://",
        "content/providers/centre.yaml:11:10: `accreditations[1].url`: 'JaVaScRiPt:alert(document.domain)' is not a web address: give a full address starting with https://",
        "content/providers/centre.yaml:13:10: `accreditations[2].url`: 'java\\tscript:alert(1)' is not a web address: give a full address starting with https://",
        "content/providers/centre.yaml:15:10: `accreditations[3].url`: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' is not a web address: give a full address starting with https://",
        "content/providers/centre.yaml:17:10: `accreditations[4].url`: 'vbscript:msgbox(1)' is not a web address: give a full address starting with https://",
        "content/providers/centre.yaml:19:10: `accreditations[5].url`: 'file:///etc/passwd' is not a web address: give a full address starting with https://",
        "content/providers/centre.yaml:21:10: `accreditations[6].url`: 'ftp://example.org/course' is not a web address: give a full address starting with https://",
        "content/providers/centre.yaml:23:10: `accreditations[7].url`: '//evil.example/course' is not a web address: give a full address starting with https://",
        "content/providers/centre.yaml:25:10: `accreditations[8].url`: 'https:evil.example' is not a web address: give a full address starting with https://",
        "content/providers/centre.yaml:27:10: `accreditations[9].url`: 'mailto:office@example.org' is not a web address: give a full address starting with https://",
    ],
    "url-prior-learning": [
        "content/units/barista.yaml:28:14: `prior_learning.apply_url`: 'javascript:alert(1)' is not a web address: give a full address starting with https://",
    ],
    "url-unit-homepage": [
        "content/units/barista.yaml:21:11: `homepage`: 'data:text/html,<script>alert(1)</script>' is not a web address: give a full address starting with https://",
    ],
    "url-quality-assurance": [
        "content/units/barista.yaml:20:8: `quality_assurance.url`: 'vbscript:msgbox(1)' is not a web address: give a full address starting with https://",
    ],
    "url-stack-target": [
        "content/units/barista.yaml:25:12: `stackability.into[0].url`: 'javascript:alert(1)' is not a web address: give a full address starting with https://",
    ],
    "url-enrol": [
        "content/units/barista.yaml:24:16: `sessions[0].enrol_url`: 'file:///etc/passwd' is not a web address: give a full address starting with https://",
    ],
    "url-material": [
        "content/units/barista.yaml:23:10: `materials[0].url`: '//evil.example/guide' is not a web address: give a full address starting with https://",
    ],
    "url-other-skill": [
        "content/outcomes/espresso.yaml:10:10: `other_skills[0].url`: 'java\\nscript:alert(1)' is not a web address: give a full address starting with https://",
    ],
    "url-esco-skill": [
        "content/outcomes/espresso.yaml:6:5: `esco_skills[0]`: 'javascript:alert(1)' is not an ESCO skill URI: copy it from the ESCO portal, it looks like http://data.europa.eu/esco/skill/ followed by a UUID",
    ],
    "url-esco-occupation": [
        "content/units/barista.yaml:22:5: `occupations[0]`: 'https://evil.example/occupation' is not an ESCO occupation URI: copy it from the ESCO portal, it looks like http://data.europa.eu/esco/occupation/ followed by a UUID",
    ],
    "email-with-markup": [
        "content/providers/centre.yaml:7:8: `email`: value is not a valid email address: There can't be anything after the email address.",
    ],
    "text-too-long": [
        'content/units/barista.yaml:2:8: `title`: is too long (at most 20000 characters)',
    ],
    "language-key-markup": [
        "content/units/barista.yaml:2:21: `title.<script>`: '<script>' is not an ISO 639-1 language code (two lowercase letters such as en, it, de, fr, es, pl)",
    ],
    "language-key-upper-case": [
        "content/units/barista.yaml:2:13: `title.EN`: 'EN' is not an ISO 639-1 language code (two lowercase letters such as en, it, de, fr, es, pl); did you mean 'en' (English)?",
    ],
    "keyword-too-long": [
        'content/units/barista.yaml:21:12: `keywords[0]`: is too long (at most 60 characters)',
    ],
    "unknown-field": [
        'content/units/barista.yaml:21:1: unknown field `onload`; did you mean `workload`?',
    ],
}
