'use strict';
// The ops dashboard: figures come from /api/v1/stats (pre-aggregated read models), live counters over SSE.
const LABELS = {
  zh: {
    title: '问政运行监测', unit: '单位', district: '区县', all: '全部', from: '起', to: '止', apply: '查询', lang: 'English',
    receivedToday: '今日受理', resolvedToday: '今日办结', dueWithinHour: '1小时内到期', breachedOpen: '超时未办', escalatedOpen: '已督办',
    connecting: '连接中', logout: '退出', live: '● 实时', offline: '○ 已断开',
    received: '受理', resolved: '办结', completion: '办结率', onTime: '按时响应率', satisfaction: '满意率', frP90: '首次响应 p90 (h)',
    trend: '受理与办结趋势', categories: '诉求分类', channels: '渠道', league: '单位排名', topTen: '十佳', needsImprovement: '通报', rank: '名次', score: '得分', routed: '受理',
    sla: '时限监督', petition: '诉求', due: '时限', state: '状态', hotspots: '热点问题', hotspot: '问题', place: '地点/人群', count: '件数', growth: '增长', citizens: '人数', heat: '热度',
    BREACHED: '已超时', RUNNING: '计时中', unranked: '不排名', none: '暂无',
    reports: '报告', publishWeekly: '发布上周周报', publishMonthly: '发布上月月报', reportTitle: '报告', published: '发布时间', files: '文件',
    publishing: '发布中…', publishedOk: '已发布', notForRole: '此项不对您的角色开放',
    version: '第 {n} 版', earlierVersion: '└ 第 {n} 版（已被新版代替）',
    ownUnit: '您看到的是本单位的数字：{unit}。单位排名、热点问题和报告由督查室和分析人员查看。',
    ...Names.channels.zh,
    footer: '数据来自预聚合读模型；实时计数每 2 秒推送。'
  },
  en: {
    title: 'Wenzheng operations', unit: 'Unit', district: 'District', all: 'All', from: 'From', to: 'To', apply: 'Apply', lang: '中文',
    receivedToday: 'Received today', resolvedToday: 'Resolved today', dueWithinHour: 'Due within 1 h', breachedOpen: 'Breached, open', escalatedOpen: 'Escalated',
    connecting: 'Connecting', logout: 'Log out', live: '● Live', offline: '○ Disconnected',
    received: 'Received', resolved: 'Resolved', completion: 'Completion rate', onTime: 'Answered in time', satisfaction: 'Satisfaction', frP90: 'First response p90 (h)',
    trend: 'Received and resolved', categories: 'Categories', channels: 'Channels', league: 'Unit league table', topTen: 'Top 10', needsImprovement: 'Named for improvement', rank: 'Rank', score: 'Score', routed: 'Routed',
    sla: 'Deadlines', petition: 'Petition', due: 'Due', state: 'State', hotspots: 'Hot issues', hotspot: 'Issue', place: 'Place or group', count: 'Petitions', growth: 'Growth', citizens: 'Citizens', heat: 'Heat',
    BREACHED: 'Breached', RUNNING: 'Running', unranked: 'unranked', none: 'None',
    reports: 'Reports', publishWeekly: 'Publish last week', publishMonthly: 'Publish last month', reportTitle: 'Report', published: 'Published', files: 'Files',
    publishing: 'Publishing…', publishedOk: 'Published', notForRole: 'Not open to your role',
    version: 'version {n}', earlierVersion: '└ version {n} (replaced)',
    ownUnit: 'These are your unit\'s figures: {unit}. The league table, hot issues and reports are for the supervision office and analysts.',
    ...Names.channels.en,
    footer: 'Figures come from pre-aggregated read models; live counters are pushed every 2 s.'
  }
};
const unitNames = new Map();
let lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
const t = key => LABELS[lang][key] ?? key;
const category = c => Names.category(c, lang);
const unitName = code => unitNames.get(code) || code;
/** Supervisors and operators may open a petition in the console; an analyst's role reads figures only. */
const opensPetitions = () => ((Auth.user() || {}).roles || []).some(r => r === 'supervisor' || r === 'operator');
/** Unit staff see their own unit only; the server enforces it, the page says it. */
const ownUnit = () => { const u = Auth.user() || {}; return (u.roles || []).includes('unit-staff') && !(u.roles || []).some(r => ['analyst', 'supervisor', 'admin'].includes(r)) ? u.unit : null; };
const $ = id => document.getElementById(id);
const charts = {};
let live;

// Times in the city's zone, whatever zone the browser is in: a deadline is the city's promise.
const CITY_TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hour12: false });
function cityTime(iso) { return iso ? CITY_TIME.format(new Date(iso)) : '–'; }

function pct(rate) { return rate == null ? '–' : (rate * 100).toFixed(1) + '%'; }
function num(v) { return v == null ? '–' : String(v); }
function esc(s) { return String(s ?? '–').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c])); }

function applyLabels() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  $('lang').textContent = t('lang');
  document.title = t('title');
}

function filters() {
  const p = new URLSearchParams();
  for (const id of ['unit', 'district', 'from', 'to']) {
    if ($(id).value) p.set(id, $(id).value);
  }
  return p;
}

async function getJson(path) {
  const response = await Auth.fetch(path);
  if (response.status === 403) return FORBIDDEN;
  if (!response.ok) throw new Error(path + ': ' + response.status);
  return response.json();
}
/** A panel the role may not see says so instead of staying empty. */
const FORBIDDEN = Object.freeze({ forbidden: true });
const forbiddenRow = cols => `<tr class="forbidden"><td colspan="${cols}">${t('notForRole')}</td></tr>`;

function chart(id) {
  if (!charts[id]) charts[id] = echarts.init($(id), null, { renderer: 'svg' });
  return charts[id];
}

async function refresh() {
  const p = filters();
  const scope = new URLSearchParams(p);
  const [total, days, categories, channels, league, sla, hotspots] = await Promise.all([
    getJson('/api/v1/stats/measures?' + p),
    getJson('/api/v1/stats/measures?by=DAY&' + p),
    getJson('/api/v1/stats/measures?by=CATEGORY&' + p),
    getJson('/api/v1/stats/measures?by=CHANNEL&' + p),
    getJson('/api/v1/stats/league?' + new URLSearchParams([...p].filter(([k]) => k !== 'unit'))),
    getJson('/api/v1/stats/sla?' + new URLSearchParams([...scope].filter(([k]) => k === 'unit' || k === 'district'))),
    getJson('/api/v1/stats/hot-issues?top=10&' + new URLSearchParams([...p].filter(([k]) => k === 'from' || k === 'to')))
  ]);
  if (!$('from').value) $('from').value = total.from;
  if (!$('to').value) $('to').value = total.to;
  const m = total.total;
  $('received').textContent = num(m.received);
  $('resolved').textContent = num(m.resolved);
  $('completion').textContent = pct(m.completionRate);
  $('ontime').textContent = pct(m.onTimeRate);
  $('satisfaction').textContent = pct(m.satisfactionRate);
  $('frp90').textContent = m.firstResponseP90Hours == null ? '–' : m.firstResponseP90Hours.toFixed(1);

  chart('trend').setOption({
    animation: false, tooltip: { trigger: 'axis' }, legend: { data: [t('received'), t('resolved')] },
    grid: { left: 40, right: 16, top: 30, bottom: 30 },
    xAxis: { type: 'category', data: days.groups.map(g => g.key) }, yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('received'), type: 'bar', data: days.groups.map(g => g.measures.received), itemStyle: { color: '#2f6fb3' } },
      { name: t('resolved'), type: 'line', data: days.groups.map(g => g.measures.resolved), itemStyle: { color: '#19723a' } }
    ]
  }, true);
  const pie = (id, groups) => chart(id).setOption({
    animation: false, tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: ['35%', '65%'], label: { formatter: '{b}: {c}' },
      data: groups.map(g => ({ name: g.key || '–', value: g.measures.received })) }]
  }, true);
  pie('categories', categories.groups.map(g => ({ ...g, key: category(g.key) })));
  pie('channels', channels.groups.map(g => ({ ...g, key: g.key ? t(g.key) : g.key })));

  const unitFilter = $('unit').value;
  if (league.forbidden) {
    $('league').querySelector('tbody').innerHTML = forbiddenRow(7);
  } else {
  // Ranked units first (equal scores share a rank), then those with too few petitions to score, apart and unscored.
  const rows = league.lines.concat((league.unranked || []).map(u => ({ ...u, rank: null, score: null })));
  const topTen = new Set((league.top || []).map(l => l.unitCode));
  const named = new Set((league.needsImprovement || []).map(l => l.unitCode));
  const badge = code => topTen.has(code) ? ` <span class="badge top">${t('topTen')}</span>`
    : named.has(code) ? ` <span class="badge warn">${t('needsImprovement')}</span>` : '';
  $('league').querySelector('tbody').innerHTML = rows
    .filter(l => !unitFilter || l.unitCode === unitFilter)
    .map(l => `<tr data-unit="${esc(l.unitCode)}" class="${l.rank == null ? 'unranked' : ''}"><td class="n">${l.rank ?? t('unranked')}</td><td><span class="name">${esc(l.unitName || unitName(l.unitCode))}</span>${badge(l.unitCode)}</td>` +
      `<td class="n">${l.score == null ? '–' : l.score.toFixed(2)}</td><td class="n">${l.measures.routed}</td><td class="n">${pct(l.measures.onTimeRate)}</td>` +
      `<td class="n">${pct(l.measures.completionRate)}</td><td class="n">${pct(l.measures.satisfactionRate)}</td></tr>`).join('')
    || `<tr><td colspan="7">${t('none')}</td></tr>`;
  }

  $('urgent').querySelector('tbody').innerHTML = sla.mostUrgent
    .map(c => `<tr><td>${opensPetitions() ? `<a class="code" href="../console/index.html#/petition/${encodeURIComponent(c.petitionId)}">${esc(c.trackingCode)}</a>`
      : `<span class="code">${esc(c.trackingCode)}</span>`} ${esc(c.title)}</td><td>${esc(c.unitName || unitName(c.unitCode))}</td>` +
      `<td>${esc(cityTime(c.firstResponseDue))}</td>` +
      `<td class="${c.slaState === 'BREACHED' ? 'breached' : ''}">${t(c.slaState)}</td></tr>`).join('')
    || `<tr><td colspan="4">${t('none')}</td></tr>`;
  // One row per hot issue; its title opens the petitions it holds, by tracking code and subject.
  $('hotspots').querySelector('tbody').innerHTML = hotspots.forbidden ? forbiddenRow(6) : hotspots
    .map(h => `<tr><td class="n">${h.rank}</td><td><details><summary>${esc(h.title)}</summary><ul class="petitions">` +
      h.petitions.map(x => `<li><span class="code">${esc(x.trackingCode)}</span> ${esc(x.subject)} <small>${esc(cityTime(x.receivedAt))}</small></li>`).join('') +
      `</ul></details></td><td>${esc(h.place)}</td><td class="n">${h.citizens}</td><td class="n">${h.messages}</td><td class="n">${h.heat.toFixed(1)}</td></tr>`).join('')
    || `<tr><td colspan="6">${t('none')}</td></tr>`;
  document.body.dataset.loaded = 'true';
}

// Published reports: opened and downloaded through the signed-in session, since a plain link would carry no token.
async function loadReports() {
  const response = await Auth.fetch('/api/v1/reports');
  const body = $('reports').querySelector('tbody');
  if (response.status === 403) {
    body.innerHTML = forbiddenRow(3);
    document.querySelectorAll('#publish-weekly, #publish-monthly').forEach(b => { b.hidden = true; });
    return;
  }
  if (!response.ok) throw new Error('/api/v1/reports: ' + response.status);
  const reports = await response.json();
  const files = (links, name) => ['html', 'pdf', 'csv']
    .map(kind => `<a href="#" data-file="${esc(links[kind])}" data-name="${esc(name + '.' + kind)}">${kind.toUpperCase()}</a>`).join(' ');
  // The latest version first; the ones a republication replaced stay listed, since they may have been handed out.
  body.innerHTML = reports.map(r => `<tr data-report="${esc(r.reportId)}"><td>${esc(r.title)}<div class="number">${esc(r.number || '')}`
      + `${r.version > 1 ? ' · ' + esc(t('version').replace('{n}', r.version)) : ''}</div></td><td>${esc(cityTime(r.publishedAt))}</td><td>${files(r.links, r.reportId)}</td></tr>`
      + (r.earlier || []).map(v => `<tr class="earlier" data-report="${esc(r.reportId)}" data-version="${v.version}"><td>${esc(t('earlierVersion').replace('{n}', v.version))}</td>`
        + `<td>${esc(cityTime(v.publishedAt))}</td><td>${files(v.links, r.reportId + '-v' + v.version)}</td></tr>`).join('')).join('')
    || `<tr><td colspan="3">${t('none')}</td></tr>`;
  document.body.dataset.reports = String(reports.length);
  document.body.dataset.reportsLoaded = String(Date.now());
}

async function openReport(link) {
  const response = await Auth.fetch(link.dataset.file);
  if (!response.ok) throw new Error(link.dataset.file + ': ' + response.status);
  const url = URL.createObjectURL(await response.blob());
  if (link.dataset.name.endsWith('.csv')) {
    const a = document.createElement('a'); a.href = url; a.download = link.dataset.name; a.click();
  } else {
    window.open(url, '_blank');
  }
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

async function publish(period) {
  $('publish-state').textContent = t('publishing');
  const response = await Auth.fetch('/api/v1/reports?period=' + period, { method: 'POST' });
  $('publish-state').textContent = response.ok ? t('publishedOk') : response.status === 403 ? t('notForRole') : String(response.status);
  await loadReports();
}

async function loadDistricts() {
  // A day wider on each side than a year: the browser's date may be a day off the city's.
  const to = new Date(); to.setDate(to.getDate() + 2);
  const from = new Date(); from.setFullYear(from.getFullYear() - 1); from.setDate(from.getDate() - 1);
  const iso = d => d.toISOString().slice(0, 10);
  const [units, districts] = await Promise.all([getJson('/api/v1/stats/units'),
    getJson(`/api/v1/stats/measures?by=DISTRICT&from=${iso(from)}&to=${iso(to)}`)]);
  (units.forbidden ? [] : units).forEach(u => unitNames.set(u.code, u.name));
  const option = (select, code) => {
    const o = document.createElement('option');
    o.value = code; o.textContent = unitName(code);
    select.appendChild(o);
  };
  [...unitNames.keys()].sort((a, b) => unitName(a).localeCompare(unitName(b), 'zh-CN')).forEach(code => option($('unit'), code));
  (districts.forbidden ? [] : districts.groups).filter(g => g.key).forEach(g => option($('district'), g.key));
  const own = ownUnit();
  if (own) {
    if (!unitNames.has(own)) option($('unit'), own);
    $('unit').value = own;
    $('unit').disabled = true;
    $('district').disabled = true;
    $('scope-note').hidden = false;
    $('scope-note').textContent = t('ownUnit').replace('{unit}', unitName(own));
  }
}

// EventSource cannot send a bearer token, so the server-sent events are read from a fetch stream.
async function connectLive() {
  if (live) live.abort();
  const controller = live = new AbortController();
  const p = new URLSearchParams([...filters()].filter(([k]) => k === 'unit' || k === 'district'));
  try {
    const response = await Auth.fetch('/api/v1/stats/live?' + p, { headers: { Accept: 'text/event-stream' }, signal: controller.signal });
    if (!response.ok) throw new Error('live: ' + response.status);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      for (let end; (end = buffer.indexOf('\n\n')) >= 0; buffer = buffer.slice(end + 2)) {
        const data = buffer.slice(0, end).split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5).trim()).join('\n');
        if (data) showLive(JSON.parse(data));
      }
    }
  } catch (e) {
    if (controller.signal.aborted) return;
  }
  $('live-state').dataset.i18n = 'offline';
  $('live-state').textContent = t('offline');
  if (live === controller) setTimeout(() => { if (live === controller) connectLive(); }, 3000);
}

function showLive(c) {
  $('live-received').textContent = c.receivedToday;
  $('live-resolved').textContent = c.resolvedToday;
  $('live-due').textContent = c.dueWithinHour;
  $('live-breached').textContent = c.breachedOpen;
  $('live-escalated').textContent = c.escalatedOpen;
  $('live-state').dataset.i18n = 'live';
  $('live-state').textContent = t('live');
}

function init() {
  const q = new URLSearchParams(location.search);
  // The default period is the server's: its days are the city's, while this browser's clock may sit in any zone.
  $('from').value = q.get('from') || '';
  $('to').value = q.get('to') || '';
  applyLabels();
  $('filters').addEventListener('submit', e => { e.preventDefault(); refresh(); connectLive(); });
  $('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    applyLabels();
    const own = ownUnit();
    if (own) $('scope-note').textContent = t('ownUnit').replace('{unit}', unitName(own));
    refresh();
  });
  const who = Auth.user();
  if (who && $('user')) {
    $('user').textContent = who.name || who.preferred_username;
    $('logout').hidden = false;
    $('logout').addEventListener('click', () => Auth.logout());
  }
  loadDistricts().then(() => {
    if (q.get('district')) $('district').value = q.get('district');
    if (q.get('unit') && !ownUnit()) {
      if (![...$('unit').options].some(o => o.value === q.get('unit'))) {
        const o = document.createElement('option'); o.value = q.get('unit'); o.textContent = unitName(q.get('unit')); $('unit').appendChild(o);
      }
      $('unit').value = q.get('unit');
    }
  })
    .finally(() => { refresh().catch(e => { document.body.dataset.error = e.message; }); connectLive(); });
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  $('publish-weekly').addEventListener('click', () => publish('WEEKLY'));
  $('publish-monthly').addEventListener('click', () => publish('MONTHLY'));
  $('reports').addEventListener('click', e => {
    const link = e.target.closest('a[data-file]');
    if (link) { e.preventDefault(); openReport(link).catch(err => { $('publish-state').textContent = err.message; }); }
  });
  loadReports().catch(e => { $('publish-state').textContent = e.message; });
}
Auth.ready().then(init, e => { document.body.dataset.error = 'login: ' + e.message; });
