'use strict';
// The workbenches: the operator's triage queue (受理), the unit's inbox (承办) and the supervisor's SLA board (督办).
// Each view calls its service's API straight from the browser (config.apis), with the token from auth.js.
const LABELS = {
  zh: {
    title: '问政工作台', tabTriage: '受理', tabUnit: '承办', tabBoard: '督办', tabStats: '统计', logout: '退出', lang: 'English',
    queue: '待分拨', queueEmpty: '队列已清空，新诉求会自动出现', supervisorCase: '两次回退，督查室处理', suggestion: '建议分类',
    why: '依据', possibleDuplicate: '疑似重复', rejectPick: '驳回原因：1 垃圾广告 · 2 无效 · 3 辱骂 · 4 不属受理范围，Enter 确认',
    noteOptional: '备注（可选）', mergeInto: '并入（诉求编号）', changeCategory: '改分类', changeUnit: '改单位',
    triageKeys: 'Enter 接受建议 · C 改分类 · U 改单位 · M 并入重复件 · R 驳回 · J/K 下一件/上一件 · Esc 取消',
    undelivered: '答复没有送达市民', resend: '重新发送', resent: '已重新发送',
    inbox: '待办件', tracking: '编号', filterAll: '全部', filterSign: '待签收', filterWorking: '办理中', filterWaiting: '待市民补充', filterOverdue: '已超期', status: '状态', due: '答复时限', pickOne: '请选择一件诉求', signFor: '签收',
    kindResponse: '答复', kindProgress: '进展', kindQuestion: '请市民补充材料（暂停计时）', kindResolution: '办结', kindHandBack: '回退（说明原因）',
    template: '选择模板', send: '提交', unitLabel: '单位', district: '区县', all: '全部', within: '即将到期', noteLabel: '督办/催办意见',
    breached: '已超时', dueSoon: '即将到期', escalated: '已督办', level1: '已提醒承办人', level2: '已报单位负责人', level3: '督查室督办', escalate: '督办', chase: '催办', chased: '已催办',
    notYours: '没有找到这件诉求，或它不属于您的单位。', noRole: '您的账号没有工作台角色。', defaultNote: '请加快办理，按时答复市民。',
    accepted: '已分拨', rejected: '已驳回', merged: '已并入', signedFor: '已签收', sent: '已提交', escalatedOk: '已督办', chasedOk: '已催办',
    needUnit: '该分类没有承办单位，请指定单位', overdue: '已超时', left: '剩余', live: '● 实时', offline: '○ 已断开', server: '服务器',
    FIRST_RESPONSE: '首次响应', RESOLUTION: '办结', PROGRESS: '进展', RUNNING: '计时中', PAUSED: '已暂停', MET: '已按时', BREACHED: '已超时', CANCELLED: '已撤销',
    SPAM: '垃圾广告', INVALID: '无效', ABUSIVE: '辱骂', OUT_OF_SCOPE: '不属受理范围',
    RECEIVED: '已受理', TRIAGE: '待分拨', RETURNED: '已回退', TRANSFERRED: '已转办', ROUTED: '待签收', ACCEPTED: '已签收', RESPONDED: '已答复',
    IN_PROGRESS: '办理中', AWAITING_CITIZEN: '待市民补充', RESOLVED: '已办结', CLOSED: '已关闭', MERGED: '已合并', REJECTED: '已驳回',
    ...Names.channels.zh,
    provisional: '暂定', nextDue: '窗口内没有到期件，之后到期：', provisionalWhy: '按法定节假日规则推算：该年国务院放假通知尚未载入，载入后时限只会顺延，不会提前',
    confirmAccept: '把握不大，请确认分拨：', confirmKeys: 'Enter 确认 · Esc 取消', unitByRules: '按分拨规则选定的单位',
    whyLow: '文中的{words}指向“{category}”，把握 {pct}，不足自动分拨所需的 {floor}。', whyLowBare: '把握 {pct}，不足自动分拨所需的 {floor}。',
    whyNone: '认不出这件诉求属于哪一类，请判断分类。', whyNoUnit: '目录中没有单位承办“{category}”，请指定单位。',
    whyBounced: '已被{units}回退。最后的理由：{reason}', quote: '“{w}”', wordsJoin: '', listJoin: '、',
    hours: '小时', minutes: '分', seconds: '秒', noSuchCode: '没有编号为 {code} 的诉求',
    back: '← 返回', transferLabel: '转办至', transferWhy: '转办理由（必填）', transfer: '转办', transferred: '已转办', needReason: '请写明转办理由',
    kindTransfer: '申请转办（建议承办单位）', transferTo: '建议转至', transferReason: '申请转办至{unit}：{text}', pickTransferUnit: '请选择建议转至的单位',
    unitKeys: 'J/K 下一件/上一件 · S 签收 · A 答复 · P 进展 · Q 请市民补充 · D 办结 · B 回退 · T 申请转办 · Ctrl+Enter 提交 · Esc 离开输入框',
    'petition.received': '收到诉求', 'petition.triage-required': '待人工分拨', 'petition.routed': '交办{unit}（{category}）', 'petition.accepted': '{unit}签收',
    'petition.responded': '{unit}答复', 'petition.progress-reported': '{unit}报告进展', 'petition.awaiting-citizen': '{unit}请市民补充材料',
    'petition.citizen-replied': '市民补充', 'petition.resolved': '{unit}办结', 'petition.returned': '{unit}回退', 'petition.transferred': '{from}转办至{to}',
    'petition.merged': '并入另一件诉求一并办理', 'petition.rejected': '驳回：{reason}', 'petition.rated': '市民评价：{rating} 星', 'petition.reopened': '市民不满意，重新办理',
    'sla.deadline-set': '{pledge}时限：{due}', 'sla.warning': '{pledge}即将到期', 'sla.breached': '{pledge}超时', 'sla.escalated': '{step}（{pledge}）',
    'sla.chased': '催办（{pledge}）', 'sla.met': '{pledge}按时完成', 'sla.paused': '{pledge}暂停计时',
    'intake.reply.delivered': '答复已送达市民（{channel}）', 'intake.reply.attempt-failed': '答复送达失败，稍后重试（{channel}）',
    'intake.reply.failed': '答复没有送达市民（{channel}）', 'intake.reply.retried': '重新发送答复', eventOther: '其他记录'
  },
  en: {
    title: 'Wenzheng console', tabTriage: 'Triage', tabUnit: 'Unit', tabBoard: 'Supervision', tabStats: 'Statistics', logout: 'Log out', lang: '中文',
    queue: 'To route', queueEmpty: 'The queue is empty; new petitions appear by themselves', supervisorCase: 'Bounced twice: for the supervision office',
    suggestion: 'Suggested category', why: 'Because', possibleDuplicate: 'Possible duplicate',
    rejectPick: 'Reason: 1 spam · 2 invalid · 3 abusive · 4 out of scope, Enter to confirm', noteOptional: 'note (optional)',
    mergeInto: 'Merge into (tracking code)', changeCategory: 'Category', changeUnit: 'Unit',
    triageKeys: 'Enter accept · C category · U unit · M merge · R reject · J/K next/previous · Esc cancel',
    undelivered: 'A reply did not reach the citizen', resend: 'Send again', resent: 'Sent again',
    inbox: 'Inbox', tracking: 'Code', filterAll: 'All', filterSign: 'To sign for', filterWorking: 'In progress', filterWaiting: 'Waiting for citizen', filterOverdue: 'Overdue', status: 'Status', due: 'Answer due', pickOne: 'Pick a petition', signFor: 'Sign for it',
    kindResponse: 'Response', kindProgress: 'Progress', kindQuestion: 'Ask the citizen (pauses the clock)', kindResolution: 'Resolve', kindHandBack: 'Hand back (with a reason)',
    template: 'Template', send: 'Send', unitLabel: 'Unit', district: 'District', all: 'All', within: 'Due within', noteLabel: 'Note',
    breached: 'Breached', dueSoon: 'Due soon', escalated: 'Escalated', level1: 'staff reminded', level2: 'unit head told', level3: 'supervision office', escalate: 'Escalate', chase: 'Chase', chased: 'chased',
    notYours: 'No such petition, or it is not your unit\'s.', noRole: 'Your account has no workbench role.', defaultNote: 'Please act now and answer the citizen in time.',
    accepted: 'Routed', rejected: 'Rejected', merged: 'Merged', signedFor: 'Signed for', sent: 'Sent', escalatedOk: 'Escalated', chasedOk: 'Chased',
    needUnit: 'No unit answers for that category: name the unit', overdue: 'overdue', left: 'left', live: '● Live', offline: '○ Disconnected', server: 'server',
    FIRST_RESPONSE: 'First response', RESOLUTION: 'Resolution', PROGRESS: 'Progress', RUNNING: 'Running', PAUSED: 'Paused', MET: 'Met', BREACHED: 'Breached', CANCELLED: 'Cancelled',
    SPAM: 'Spam', INVALID: 'Invalid', ABUSIVE: 'Abusive', OUT_OF_SCOPE: 'Out of scope',
    RECEIVED: 'Received', TRIAGE: 'Triage', RETURNED: 'Handed back', TRANSFERRED: 'Transferred', ROUTED: 'To sign for', ACCEPTED: 'Signed for', RESPONDED: 'Answered',
    IN_PROGRESS: 'In progress', AWAITING_CITIZEN: 'Awaiting citizen', RESOLVED: 'Resolved', CLOSED: 'Closed', MERGED: 'Merged', REJECTED: 'Rejected',
    ...Names.channels.en,
    provisional: 'provisional', nextDue: 'Nothing due in this window. Next due:', provisionalWhy: 'Computed from the statutory holiday rules: that year\'s State Council notice is not loaded yet. Once it is, the due time can only move later, never earlier',
    confirmAccept: 'Not sure: confirm where it goes:', confirmKeys: 'Enter confirm · Esc cancel', unitByRules: 'the unit the routing rules pick',
    whyLow: 'The words {words} point to {category}, but only {pct} sure; routing alone needs {floor}.', whyLowBare: 'Only {pct} sure; routing alone needs {floor}.',
    whyNone: 'No category recognised: decide the category.', whyNoUnit: 'No unit in the directory answers for {category}: name the unit.',
    whyBounced: 'Handed back by {units}. Last reason: {reason}', quote: '“{w}”', wordsJoin: ', ', listJoin: ', ',
    hours: 'h ', minutes: 'm ', seconds: 's', noSuchCode: 'No petition has the code {code}',
    back: '← Back', transferLabel: 'Transfer to', transferWhy: 'why (required)', transfer: 'Transfer', transferred: 'Transferred', needReason: 'Say why it is transferred',
    kindTransfer: 'Ask for a transfer (suggest the unit)', transferTo: 'Suggested unit', transferReason: 'Transfer requested to {unit}: {text}', pickTransferUnit: 'Choose the unit it should go to',
    unitKeys: 'J/K next/previous · S sign for · A answer · P progress · Q ask the citizen · D resolve · B hand back · T transfer · Ctrl+Enter send · Esc leave the text',
    'petition.received': 'Received', 'petition.triage-required': 'Waiting for an operator', 'petition.routed': 'Assigned to {unit} ({category})', 'petition.accepted': 'Signed for by {unit}',
    'petition.responded': 'Answered by {unit}', 'petition.progress-reported': 'Progress from {unit}', 'petition.awaiting-citizen': '{unit} asked the citizen',
    'petition.citizen-replied': 'The citizen replied', 'petition.resolved': 'Resolved by {unit}', 'petition.returned': 'Handed back by {unit}', 'petition.transferred': 'Transferred from {from} to {to}',
    'petition.merged': 'Merged into another petition', 'petition.rejected': 'Rejected: {reason}', 'petition.rated': 'The citizen rated it {rating} of 5', 'petition.reopened': 'The citizen was not satisfied: reopened',
    'sla.deadline-set': '{pledge} due {due}', 'sla.warning': '{pledge} due soon', 'sla.breached': '{pledge} breached', 'sla.escalated': 'Escalated: {step} ({pledge})',
    'sla.chased': 'Chased ({pledge})', 'sla.met': '{pledge} met', 'sla.paused': '{pledge} paused',
    'intake.reply.delivered': 'Reply delivered to the citizen ({channel})', 'intake.reply.attempt-failed': 'Reply not delivered yet, retrying ({channel})',
    'intake.reply.failed': 'Reply did not reach the citizen ({channel})', 'intake.reply.retried': 'Reply sent again', eventOther: 'Other record'
  }
};
const category = c => Names.category(c, lang);
const fill = (key, vars) => t(key).replace(/\{(\w+)\}/g, (m, k) => vars[k] ?? '');
const REJECT_REASONS = ['SPAM', 'INVALID', 'ABUSIVE', 'OUT_OF_SCOPE'];
const CASEWORK = { RESPONSE: 'responses', PROGRESS: 'progress-reports', QUESTION: 'questions', RESOLUTION: 'resolution', HAND_BACK: 'hand-back', TRANSFER: 'hand-back' };
// Before 签收 a unit may only give the petition back, plainly or saying where it belongs.
const BEFORE_SIGNING = ['HAND_BACK', 'TRANSFER'];
let lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
const t = key => LABELS[lang][key] ?? key;
const $ = id => document.getElementById(id);
const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
// The city's time, whatever zone the browser is in: deadlines are the city's promise.
const fmtTime = iso => iso ? new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false, timeZone: 'Asia/Shanghai' }) : '–';

const state = { roles: [], unit: null, units: [], unitsByCode: new Map(), categories: [], view: null, timers: [] };
/** Every write's round trip as the browser saw it, for the tests and the status line. */
const timings = [];
window.wzTimings = timings;

// ---- plumbing ---------------------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || ('HTTP ' + status));
    this.status = status;
    this.problem = problem;
  }
}

async function api(service, path, { method = 'GET', body, action } = {}) {
  const base = (Auth.config().apis || {})[service] || '';
  const options = { method, headers: {} };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const started = performance.now();
  const response = await Auth.fetch(base + path, options);
  const ms = Math.round(performance.now() - started);
  if (method !== 'GET') {
    timings.push({ action: action || path, ms, status: response.status });
  }
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch (e) { /* not a problem document */ }
    throw new ApiError(response.status, problem);
  }
  return { data: response.status === 204 ? null : await response.json(), ms };
}
const get = async (service, path) => (await api(service, path)).data;

function say(text, kind = 'ok', ms) {
  const el = $('status');
  el.textContent = text + (ms != null ? ` · ${t('server')} ${ms} ms` : '');
  el.className = kind;
  el.dataset.kind = kind;
}

function countdown(dueIso) {
  if (!dueIso) return { text: '–', overdue: false };
  const ms = new Date(dueIso) - Date.now();
  const abs = Math.abs(ms);
  const h = Math.floor(abs / 3600000), m = Math.floor(abs % 3600000 / 60000), s = Math.floor(abs % 60000 / 1000);
  const span = ((h ? h + t('hours') : '') + (h || m ? m + t('minutes') : '') + (h ? '' : s + t('seconds'))).trim();
  return ms < 0 ? { text: `${t('overdue')} ${span}`, overdue: true } : { text: `${t('left')} ${span}`, overdue: false };
}

function tickCountdowns() {
  document.querySelectorAll('[data-due]').forEach(el => {
    const c = countdown(el.dataset.due);
    el.textContent = c.text;
    el.classList.toggle('overdue', c.overdue);
  });
}

function every(ms, fn) {
  state.timers.push(setInterval(fn, ms));
}

function unitName(code) {
  const u = state.unitsByCode.get(code);
  return u ? u.name : (code || '–');
}

function applyLabels() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  $('lang').textContent = t('lang');
  document.title = t('title');
}

// ---- views ------------------------------------------------------------------------------------------------------

const VIEWS = {
  triage: { role: 'operator', open: openTriage },
  unit: { role: 'unit-staff', open: openUnit },
  board: { role: 'supervisor', open: openBoard },
  // One petition, whole, for the seats that look at petitions they do not work: the board, the dashboard's lists.
  petition: { role: ['supervisor', 'operator'], open: openPetition, tab: 'board' }
};
const allowed = view => [].concat(VIEWS[view].role).some(r => state.roles.includes(r));

function defaultView() {
  return Object.keys(VIEWS).find(v => v !== 'petition' && allowed(v));
}

async function route() {
  const [, name, id] = (location.hash || '').split('/');
  const view = VIEWS[name] ? name : defaultView();
  state.timers.forEach(clearInterval);
  state.timers = [];
  // A new view or petition starts with the keyboard on the page, not in the last text box.
  if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
  document.querySelectorAll('.view').forEach(v => { v.hidden = true; });
  document.querySelectorAll('#tabs a').forEach(a => a.classList.toggle('active', a.id === 'tab-' + ((VIEWS[view] || {}).tab || view)));
  if (!view) {
    $('view-none').hidden = false;
    return;
  }
  if (!allowed(view)) {
    $('view-denied').hidden = false;
    return;
  }
  state.view = view;
  document.body.dataset.view = view;
  $('view-' + view).hidden = false;
  await VIEWS[view].open(id ? decodeURIComponent(id) : null);
  every(1000, tickCountdowns);
}

// ---- 受理: the operator's triage queue ----------------------------------------------------------------------------

const triage = { queue: [], decided: new Set(), current: null, details: new Map(), mode: null, pick: [], pickIndex: 0, rejectReason: null, busy: false };

async function openTriage() {
  const shown = triage.current;
  await loadQueue();
  // Back on the view, or in the other language: the case on screen is drawn again.
  if (shown && triage.current === shown) await showCase();
  every(2000, () => loadQueue().catch(() => { $('queue-live').textContent = t('offline'); }));
}

async function loadQueue() {
  // A poll sent before a decision committed still lists that case: the queue must not take it back.
  const queue = (await get('routing', '/api/v1/triage')).filter(c => !triage.decided.has(c.petitionId));
  triage.queue = queue;
  $('queue-live').textContent = t('live');
  if (!triage.current || !queue.some(c => c.petitionId === triage.current)) {
    triage.current = queue.length ? queue[0].petitionId : null;
    await showCase();
  }
  renderQueue();
  prefetch();
}

function renderQueue() {
  $('queue-count').textContent = triage.queue.length;
  $('queue-list').innerHTML = triage.queue.map(c => `<li data-id="${esc(c.petitionId)}" class="${c.petitionId === triage.current ? 'current' : ''}">`
    + `<span class="mono">${esc(c.trackingCode || '–')}</span> ${esc((c.subject || c.body).slice(0, 28))}</li>`).join('');
  document.body.dataset.queue = String(triage.queue.length);
}

function details(id) {
  if (!triage.details.has(id)) {
    triage.details.set(id, Promise.all([
      get('intake', '/api/v1/petitions/' + id).catch(() => null),
      get('sla', '/api/v1/sla/petitions/' + id).catch(() => null)
    ]).then(async ([petition, clocks]) => {
      let duplicate = null;
      if (petition && petition.possibleDuplicateOf) {
        duplicate = await get('intake', '/api/v1/petitions/' + petition.possibleDuplicateOf).catch(() => null);
      }
      return { petition, clocks, duplicate };
    }));
  }
  return triage.details.get(id);
}

/** The next few cases' details load in the background, so that the next case shows at once. */
function prefetch() {
  const at = triage.queue.findIndex(c => c.petitionId === triage.current);
  triage.queue.slice(at + 1, at + 4).forEach(c => details(c.petitionId));
}

async function showCase() {
  closePanels();
  const c = triage.queue.find(x => x.petitionId === triage.current);
  $('case-empty').hidden = !!c;
  $('case-body').hidden = !c;
  document.body.dataset.current = c ? c.petitionId : '';
  if (!c) return;
  $('case-subject').textContent = c.subject || '';
  $('case-text').textContent = c.body;
  $('case-category').textContent = category(c.suggestedCategory) + (c.suggestedSubcategory ? ' / ' + c.suggestedSubcategory : '');
  $('case-confidence').textContent = Math.round(c.confidence * 100) + '%';
  $('case-reason').textContent = reasonInWords(c);
  $('case-supervisor').hidden = !c.supervisor;
  $('case-channel').textContent = $('case-received').textContent = $('case-tracking').textContent = '';
  $('case-clock').removeAttribute('data-due');
  $('case-clock').textContent = '';
  $('case-duplicate').hidden = true;
  const { petition, clocks, duplicate } = await details(c.petitionId);
  if (triage.current !== c.petitionId) return;
  if (petition) {
    $('case-channel').textContent = t(petition.channel);
    $('case-received').textContent = fmtTime(petition.receivedAt);
    $('case-tracking').textContent = petition.trackingCode;
  }
  const first = clocks && clocks.clocks.find(k => k.pledge === 'FIRST_RESPONSE');
  if (first) {
    $('case-clock').dataset.due = first.dueAt;
    tickCountdowns();
  }
  if (duplicate) {
    $('case-duplicate').hidden = false;
    $('dup-tracking').textContent = duplicate.trackingCode + ' · ' + t(duplicate.status);
    $('dup-text').textContent = duplicate.text;
    $('case-duplicate').dataset.id = duplicate.id;
    $('case-duplicate').dataset.code = duplicate.trackingCode;
  } else {
    delete $('case-duplicate').dataset.id;
    delete $('case-duplicate').dataset.code;
  }
}

const pct = x => Math.round(x * 100) + '%';

/** Why the case waits, in the reader's language: the petition's words, the category, and what is asked of them. */
function reasonInWords(c) {
  const words = (c.words || []).map(w => fill('quote', { w })).join(t('wordsJoin'));
  switch (c.why) {
    case 'NO_CATEGORY': return t('whyNone');
    case 'NO_UNIT': return fill('whyNoUnit', { category: category(c.suggestedCategory) });
    case 'BOUNCED': {
      const back = c.handBacks || [];
      return fill('whyBounced', { units: [...new Set(back.map(h => unitName(h.unitCode)))].join(t('listJoin')),
        reason: back.length ? back[back.length - 1].reason : '–' });
    }
    default: return fill(words ? 'whyLow' : 'whyLowBare',
      { words, category: category(c.suggestedCategory), pct: pct(c.confidence), floor: pct(state.minConfidence) });
  }
}

function move(step) {
  const at = triage.queue.findIndex(c => c.petitionId === triage.current);
  const next = triage.queue[Math.min(triage.queue.length - 1, Math.max(0, at + step))];
  if (next && next.petitionId !== triage.current) {
    triage.current = next.petitionId;
    renderQueue();
    showCase();
    prefetch();
  }
}

/** The case is done: it leaves the queue at once and the next one shows, without waiting for the next poll. */
function done(id) {
  triage.decided.add(id);
  const at = triage.queue.findIndex(c => c.petitionId === id);
  triage.queue = triage.queue.filter(c => c.petitionId !== id);
  triage.details.delete(id);
  // A poll answered between the decision's commit and its answer has already taken the case out and shown another:
  // that one stays. (Before, the page showed no case at all until the next poll, and Enter did nothing.)
  if (at >= 0 || !triage.queue.some(c => c.petitionId === triage.current)) {
    const next = triage.queue[Math.min(Math.max(at, 0), triage.queue.length - 1)];
    triage.current = next ? next.petitionId : null;
  }
  renderQueue();
  showCase();
  prefetch();
}

async function act(label, call) {
  if (triage.busy) return;
  triage.busy = true;
  const id = triage.current;
  try {
    const code = (triage.queue.find(c => c.petitionId === id) || {}).trackingCode || '';
    const { data, ms } = await call(id);
    done(id);
    say(`${t(label)} ${code}${data && data.unitCode ? ' → ' + unitName(data.unitCode) : ''}`, 'ok', ms);
  } catch (e) {
    if (e.status === 400 && e.problem && (e.problem.errors || []).some(x => x.field === 'unitCode')) {
      openChange('unit');
      say(t('needUnit'), 'error');
    } else if (e.status === 409 || e.status === 404) {
      done(id); // someone else decided it meanwhile
      say(e.message, 'error');
    } else {
      say(e.message, 'error');
    }
  } finally {
    triage.busy = false;
  }
}

function decide(category, unitCode) {
  return act('accepted', id => api('routing', `/api/v1/triage/${id}/decision`,
    { method: 'POST', body: { category, unitCode: unitCode || null }, action: unitCode ? 'change-unit' : category ? 'decide' : 'accept' }));
}

function accept() {
  const c = triage.queue.find(x => x.petitionId === triage.current);
  if (!c) return;
  if (!c.suggestedCategory) {
    openChange('category');
    return;
  }
  if (c.confidence < state.confirmBelow) {
    openConfirm(c);
    return;
  }
  act('accepted', id => api('routing', `/api/v1/triage/${id}/decision`, { method: 'POST', body: { category: c.suggestedCategory }, action: 'accept' }));
}

/** A shaky suggestion shows where it would go and waits for a second Enter; what is shown is what is sent. */
function openConfirm(c) {
  closePanels();
  triage.mode = 'confirm';
  $('confirm-category').textContent = category(c.suggestedCategory);
  $('confirm-unit').textContent = c.proposedUnit ? c.proposedUnit.name : t('unitByRules');
  $('confirm-form').hidden = false;
  $('confirm-form').tabIndex = -1;
  $('confirm-form').focus();
}

function onConfirmKey(e) {
  if (e.key === 'Enter') {
    e.preventDefault();
    const c = triage.queue.find(x => x.petitionId === triage.current);
    if (!c) return;
    const unitCode = c.proposedUnit ? c.proposedUnit.code : null;
    act('accepted', id => api('routing', `/api/v1/triage/${id}/decision`,
      { method: 'POST', body: { category: c.suggestedCategory, unitCode }, action: 'accept' }));
  } else if (e.key === 'Escape') {
    closePanels();
  }
}

function closePanels() {
  triage.mode = null;
  ['change-form', 'reject-form', 'merge-form', 'confirm-form'].forEach(f => { $(f).hidden = true; });
  if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
}

function openChange(what) {
  closePanels();
  triage.mode = what;
  $('change-label').textContent = t(what === 'unit' ? 'changeUnit' : 'changeCategory');
  $('change-form').hidden = false;
  $('change-input').value = '';
  updateMatches();
  $('change-input').focus();
}

function candidates() {
  if (triage.mode === 'unit') {
    return state.units.map(u => ({ value: u.code, label: u.name, keys: [u.code, u.name, ...(u.areas || [])].join(' ').toLowerCase() }));
  }
  return state.categories.map(c => ({ value: c, label: lang === 'en' && Names.categoryInEnglish(c) ? `${Names.categoryInEnglish(c)} · ${c}` : c,
    keys: (c + ' ' + Names.categoryInEnglish(c)).toLowerCase() }));
}

function updateMatches() {
  const q = $('change-input').value.trim().toLowerCase();
  const all = candidates();
  const exact = all.filter(m => m.value.toLowerCase() === q);
  triage.pick = (exact.length ? exact : all.filter(m => !q || m.keys.includes(q))).slice(0, 8);
  triage.pickIndex = 0;
  renderMatches();
}

function renderMatches() {
  $('change-matches').innerHTML = triage.pick.map((m, i) => `<li class="${i === triage.pickIndex ? 'picked' : ''}">${esc(m.label)}</li>`).join('');
}

function onChangeKey(e) {
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    triage.pickIndex = (triage.pickIndex + (e.key === 'ArrowDown' ? 1 : -1) + triage.pick.length) % Math.max(1, triage.pick.length);
    renderMatches();
  } else if (e.key === 'Enter') {
    e.preventDefault();
    const m = triage.pick[triage.pickIndex];
    if (!m) return;
    const c = triage.queue.find(x => x.petitionId === triage.current);
    if (triage.mode === 'unit') {
      decide(c.suggestedCategory || state.categories[0], m.value);
    } else {
      decide(m.value, null);
    }
  } else if (e.key === 'Escape') {
    closePanels();
  }
}

function openReject() {
  closePanels();
  triage.mode = 'reject';
  triage.rejectReason = null;
  $('reject-reason').textContent = '';
  $('reject-note').value = '';
  $('reject-form').hidden = false;
  $('reject-form').tabIndex = -1;
  $('reject-form').focus();
}

function onRejectKey(e) {
  const n = Number(e.key);
  if (e.target.id !== 'reject-note' && n >= 1 && n <= REJECT_REASONS.length) {
    e.preventDefault();
    triage.rejectReason = REJECT_REASONS[n - 1];
    $('reject-reason').textContent = t(triage.rejectReason);
    $('reject-note').focus();
  } else if (e.key === 'Enter' && triage.rejectReason) {
    e.preventDefault();
    const reason = triage.rejectReason, note = $('reject-note').value.trim();
    act('rejected', id => api('routing', `/api/v1/triage/${id}/rejection`, { method: 'POST', body: { reason, note: note || null }, action: 'reject' }));
  } else if (e.key === 'Escape') {
    closePanels();
  }
}

function openMerge() {
  closePanels();
  triage.mode = 'merge';
  $('merge-form').hidden = false;
  $('merge-input').value = $('case-duplicate').dataset.code || '';
  $('merge-input').focus();
  $('merge-input').select();
}

function onMergeKey(e) {
  if (e.key === 'Enter') {
    e.preventDefault();
    const code = $('merge-input').value.trim().toUpperCase();
    if (code) {
      // People type the earlier petition's tracking code; routing merges by its id.
      act('merged', async id => {
        let originalId = code === $('case-duplicate').dataset.code ? $('case-duplicate').dataset.id : null;
        if (!originalId) {
          const found = await get('intake', '/api/v1/petitions?size=1&trackingCode=' + encodeURIComponent(code));
          if (!found.length) throw new ApiError(400, { detail: fill('noSuchCode', { code }) });
          originalId = found[0].id;
        }
        return api('routing', `/api/v1/triage/${id}/merge`, { method: 'POST', body: { originalId }, action: 'merge' });
      });
    }
  } else if (e.key === 'Escape') {
    closePanels();
  }
}

function onTriageKey(e) {
  if (triage.mode || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.target.closest && e.target.closest('input, textarea, select')) return;
  const key = e.key.toLowerCase();
  const actions = { enter: accept, c: () => openChange('category'), u: () => openChange('unit'), m: openMerge, r: openReject,
    j: () => move(1), arrowdown: () => move(1), k: () => move(-1), arrowup: () => move(-1) };
  if (actions[key] && triage.current) {
    e.preventDefault();
    actions[key]();
  }
}

// ---- 承办: the unit's inbox ---------------------------------------------------------------------------------------

const casework = { current: null, templates: [], petition: null, filter: 'all', inbox: [] };

async function openUnit(id) {
  casework.templates = await get('intake', '/api/v1/reply-templates').catch(() => []);
  fillTemplates();
  await loadInbox();
  every(5000, () => loadInbox().catch(() => {}));
  await showPetition(id);
}

// The unit's day in four piles; a petition may be in two (overdue and waiting, say).
const INBOX_FILTERS = {
  all: () => true,
  sign: p => ['ROUTED', 'TRANSFERRED'].includes(p.status),
  working: p => ['ACCEPTED', 'RESPONDED', 'IN_PROGRESS'].includes(p.status),
  waiting: p => p.status === 'AWAITING_CITIZEN',
  overdue: p => p.overdue
};

/** Most urgent first: overdue, then the first response falling due soonest, then the oldest. */
function inboxOrder(a, b) {
  const due = p => (p.firstResponseDue && ['ROUTED', 'TRANSFERRED', 'ACCEPTED'].includes(p.status)) ? Date.parse(p.firstResponseDue) : Infinity;
  return (b.overdue - a.overdue) || (due(a) - due(b)) || (Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
}

async function loadInbox() {
  // The open ones only, however many the unit has resolved: the inbox is the work still to do.
  const open = (await get('intake', '/api/v1/petitions?open=true&size=500')).sort(inboxOrder);
  casework.inbox = open;
  const filter = INBOX_FILTERS[casework.filter] ? casework.filter : 'all';
  for (const button of document.querySelectorAll('#inbox-filters button')) {
    button.querySelector('b').textContent = open.filter(INBOX_FILTERS[button.dataset.filter]).length;
    button.classList.toggle('on', button.dataset.filter === filter);
  }
  const shown = open.filter(INBOX_FILTERS[filter]);
  $('inbox-count').textContent = shown.length;
  $('inbox').querySelector('tbody').innerHTML = shown.map(p => `<tr data-id="${esc(p.id)}" data-status="${esc(p.status)}" class="${p.id === casework.current ? 'current' : ''}">`
    + `<td><a href="#/unit/${esc(p.id)}" class="mono">${esc(p.trackingCode)}</a><div class="snippet">${esc(p.title || p.subject || '')}</div></td>`
    + `<td>${esc(t(p.status))}</td><td class="clock" ${p.firstResponseDue && ['ROUTED', 'TRANSFERRED', 'ACCEPTED'].includes(p.status) ? `data-due="${esc(p.firstResponseDue)}"` : ''}>–</td></tr>`).join('');
  tickCountdowns();
}

async function showPetition(id) {
  // A refresh of the petition on screen keeps it shown (and its buttons where the user is about to click).
  const refresh = casework.petition && casework.petition.id === id && !$('petition-body').hidden;
  casework.current = id;
  $('petition-empty').hidden = !!id;
  if (!refresh) {
    $('petition-body').hidden = true;
    document.body.dataset.petition = '';
  }
  if (!id) return;
  const loaded = await loadPetition(id, 'view-unit');
  if (!loaded) return;
  const { petition, clocks } = loaded;
  casework.petition = petition;
  $('petition-body').hidden = false;
  showPetitionIn('pet-', petition, clocks);
  const undelivered = petition.undeliveredReplies || [];
  $('pet-undelivered').hidden = undelivered.length === 0;
  $('pet-undelivered-why').textContent = undelivered.map(r => `${t(r.channel)} · ${r.attempts} × · ${r.lastError || ''}`).join('; ');
  const unsigned = ['ROUTED', 'TRANSFERRED'].includes(petition.status);
  $('sign-for').hidden = !unsigned;
  // Before 签收 the unit may only hand the petition back; intake refuses an answer or a resolution (409) until then.
  const kinds = $('compose-kind');
  for (const option of kinds.options) option.disabled = unsigned && !BEFORE_SIGNING.includes(option.value);
  if (kinds.selectedOptions[0] && kinds.selectedOptions[0].disabled) { kinds.value = 'HAND_BACK'; fillTemplates(); }
  if (!unsigned && kinds.dataset.unsigned === 'true') { kinds.value = 'RESPONSE'; fillTemplates(); }
  kinds.dataset.unsigned = String(unsigned);
  document.body.dataset.petition = id;
  document.body.dataset.status = petition.status;
  tickCountdowns();
}

function clockChips(clocks) {
  return (clocks.clocks || []).map(k => `<span class="chip ${k.state === 'BREACHED' ? 'bad' : ''}">${esc(t(k.pledge))} · ${esc(t(k.state))}`
    + (k.state === 'RUNNING' ? ` · <span data-due="${esc(k.dueAt)}"></span>` : ` · ${esc(fmtTime(k.dueAt))}`) + provisionalMark(k)
    + (k.escalationLevel ? ` · ${esc(t('level' + k.escalationLevel))}` : '') + '</span>').join(' ');
}

/** A petition and its clocks; null when it is not the caller's to see (the view then says so, and shows nothing of it). */
async function loadPetition(id, view) {
  try {
    const [petition, clocks] = await Promise.all([get('intake', '/api/v1/petitions/' + id),
      get('sla', '/api/v1/sla/petitions/' + id).catch(() => ({ clocks: [] }))]);
    return { petition, clocks };
  } catch (e) {
    if (e.status === 404 || e.status === 403) {
      $(view).hidden = true;
      $('view-denied').hidden = false;
      document.body.dataset.view = 'denied';
      return null;
    }
    throw e;
  }
}

/** What every view of a petition shows, into the elements whose ids start with the prefix (pet- or pv-). */
function showPetitionIn(prefix, petition, clocks) {
  $(prefix + 'channel').textContent = t(petition.channel);
  $(prefix + 'received').textContent = fmtTime(petition.receivedAt);
  $(prefix + 'tracking').textContent = petition.trackingCode;
  $(prefix + 'status').textContent = t(petition.status);
  $(prefix + 'status').dataset.status = petition.status;
  $(prefix + 'subject').textContent = petition.title || petition.subject || '';
  $(prefix + 'text').textContent = petition.text;
  $(prefix + 'clocks').innerHTML = clockChips(clocks);
  $(prefix + 'history').innerHTML = petition.history.slice().reverse().map(historyLine).join('');
}

// ---- one petition, for the supervisor and the operator ------------------------------------------------------------

async function openPetition(id) {
  $('pv-back').href = state.roles.includes('supervisor') ? '#/board' : '#/triage';
  $('pv-body').hidden = true;
  if (!id) return;
  const loaded = await loadPetition(id, 'view-petition');
  if (!loaded) return;
  const { petition, clocks } = loaded;
  showPetitionIn('pv-', petition, clocks);
  $('pv-unit').textContent = petition.unit ? petition.unit.name : '';
  const open = (clocks.clocks || []).some(k => k.state === 'RUNNING' || k.state === 'PAUSED' || k.state === 'BREACHED');
  $('pv-actions').hidden = !(state.roles.includes('supervisor') && open);
  $('pv-escalate').hidden = (clocks.clocks || []).some(k => k.escalationLevel >= 3);
  if (!$('pv-note').value) $('pv-note').value = t('defaultNote');
  // 转办: an open petition goes to another unit, its clocks with it (they are the citizen's, not the unit's).
  const closed = ['RESOLVED', 'CLOSED', 'MERGED', 'REJECTED', 'RECEIVED', 'TRIAGE'].includes(petition.status);
  $('pv-transfer').hidden = closed;
  $('pv-transfer-unit').innerHTML = state.units.filter(u => !petition.unit || u.code !== petition.unit.code)
    .map(u => `<option value="${esc(u.code)}">${esc(u.name)}</option>`).join('');
  $('pv-body').hidden = false;
  document.body.dataset.petition = id;
  document.body.dataset.status = petition.status;
  tickCountdowns();
}

/** One history entry as a person reads it: what happened, by which unit, and the words that were written. */
function historyLine(h) {
  const kind = h.type.replace(/^wenzheng\./, '').replace(/\.v\d+$/, '');
  const d = h.data || {};
  const said = d.message || d.summary || d.question || d.reason || d.note || d.comment;
  const label = LABELS[lang][kind] ? fill(kind, { unit: unitName(d.unitCode), from: unitName(d.fromUnitCode), to: unitName(d.toUnitCode),
    reason: t(d.reason), rating: d.rating, category: category(d.category), step: d.level ? t('level' + d.level) : t('escalate'), pledge: t(d.pledge), due: fmtTime(d.dueAt), channel: t(d.channel) }) : t('eventOther');
  // Routing's own reasons (routed, triage) are the machine's; the people's words are replies, questions, hand-backs, notes.
  const words = said && !['petition.rejected', 'petition.received', 'petition.routed', 'petition.triage-required', 'sla.deadline-set'].includes(kind)
    ? `<blockquote>${esc(said)}</blockquote>` : '';
  return `<li data-kind="${esc(kind)}"><span class="when">${esc(fmtTime(h.occurredAt))}</span> ${esc(label)}${words}</li>`;
}

function fillTemplates() {
  const kind = $('compose-kind').value;
  $('compose-unit-wrap').hidden = kind !== 'TRANSFER';
  const usable = (casework.templates || []).filter(x => x.kind === (kind === 'TRANSFER' ? 'HAND_BACK' : kind));
  $('compose-template').innerHTML = `<option value="">${esc(t('template'))}</option>`
    + usable.map(x => `<option value="${x.id}">${esc(x.title)}${x.unitCode ? ' · ' + esc(x.unitCode) : ''}</option>`).join('');
}

function useTemplate() {
  const chosen = casework.templates.find(x => String(x.id) === $('compose-template').value);
  if (chosen && casework.petition) {
    const p = casework.petition;
    $('compose-text').value = chosen.body.replaceAll('{trackingCode}', p.trackingCode)
      .replaceAll('{unitName}', p.unit ? p.unit.name : unitName(state.unit));
  }
}

async function caseworkStep(path, body, label) {
  const id = casework.current;
  try {
    const { data, ms } = await api('intake', `/api/v1/petitions/${id}/${path}`, { method: 'POST', body, action: path });
    say(`${t(label)} ${data.trackingCode} · ${t(data.status)}`, 'ok', ms);
    $('compose-text').value = '';
    $('compose-text').blur();
    if (path === 'hand-back') {
      // Given back, it is no longer this unit's: the inbox, not a page it may no longer open.
      casework.petition = null;
      location.hash = '#/unit';
      return;
    }
    await showPetition(id);
    loadInbox().catch(() => {});
    // The clocks follow the step through Kafka a moment later.
    setTimeout(() => { if (casework.current === id) showPetition(id).catch(() => {}); }, 1500);
  } catch (e) {
    say(e.message, 'error');
  }
}

function send(kind, text) {
  if (kind === 'TRANSFER') {
    const to = $('compose-unit').value;
    if (!to) { say(t('pickTransferUnit'), 'error'); $('compose-unit').focus(); return; }
    text = fill('transferReason', { unit: unitName(to), text });
  }
  const body = CASEWORK[kind] === 'hand-back' ? { unitCode: state.unit, reason: text } : { unitCode: state.unit, message: text };
  caseworkStep(CASEWORK[kind], body, 'sent');
}

// The workbench's keys: the inbox and the compose form without the mouse, as in triage.
const KIND_KEYS = { a: 'RESPONSE', p: 'PROGRESS', q: 'QUESTION', d: 'RESOLUTION', b: 'HAND_BACK', t: 'TRANSFER' };

function onUnitKey(e) {
  if (e.ctrlKey && e.key === 'Enter' && e.target.id === 'compose-text') {
    e.preventDefault();
    $('compose').requestSubmit();
    return;
  }
  if (e.key === 'Escape' && e.target.closest && e.target.closest('input, textarea, select')) {
    e.target.blur();
    return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey || (e.target.closest && e.target.closest('input, textarea, select'))) return;
  const key = e.key.toLowerCase();
  if (key === 'j' || key === 'arrowdown' || key === 'k' || key === 'arrowup') {
    e.preventDefault();
    const rows = [...document.querySelectorAll('#inbox tbody tr')];
    const at = rows.findIndex(r => r.dataset.id === casework.current);
    const next = rows[Math.min(rows.length - 1, Math.max(0, at + (key === 'j' || key === 'arrowdown' ? 1 : -1)))];
    if (next) location.hash = '#/unit/' + encodeURIComponent(next.dataset.id);
  } else if (key === 's' && !$('sign-for').hidden && casework.petition) {
    e.preventDefault();
    $('sign-for').click();
  } else if (KIND_KEYS[key] && casework.petition && !$('petition-body').hidden) {
    const option = [...$('compose-kind').options].find(o => o.value === KIND_KEYS[key]);
    if (!option || option.disabled) return;
    e.preventDefault();
    $('compose-kind').value = option.value;
    fillTemplates();
    (option.value === 'TRANSFER' ? $('compose-unit') : $('compose-text')).focus();
  }
}

// ---- 督办: the supervisor's SLA board -----------------------------------------------------------------------------

async function openBoard() {
  if (!$('board-note').value) $('board-note').value = t('defaultNote');
  await loadBoard();
  every(5000, () => loadBoard().catch(() => {}));
}

// A deadline that rests on a year with no holiday notice yet says so, with the reason on hover.
function provisionalMark(clock) {
  return clock.calendar === 'PROVISIONAL'
    ? ` <abbr class="provisional" title="${esc(t('provisionalWhy'))}">${esc(t('provisional'))}</abbr>` : '';
}

async function loadBoard() {
  const p = new URLSearchParams({ within: $('board-within').value });
  if ($('board-unit').value) p.set('unit', $('board-unit').value);
  if ($('board-district').value) p.set('district', $('board-district').value);
  const board = await get('sla', '/api/v1/sla/board?' + p);
  // Level 3 is the supervision office itself: escalating further means nothing.
  const rows = entries => entries.map(e => `<tr data-id="${esc(e.petitionId)}" data-code="${esc(e.trackingCode || '')}" data-pledge="${esc(e.pledge)}" data-level="${e.escalationLevel}">`
    + `<td><a class="mono" href="#/petition/${esc(e.petitionId)}">${esc(e.trackingCode || '–')}</a><div class="snippet">${esc(e.title || '')}</div></td><td>${esc(unitName(e.unitCode))}</td>`
    + `<td>${esc(t(e.pledge))}</td><td><span class="clock" data-due="${esc(e.dueAt)}"></span>${provisionalMark(e)}</td>`
    + `<td>${e.escalationLevel ? esc(t('level' + e.escalationLevel)) : ''}${e.chases ? ' ' + esc(t('chased')) + ' ×' + e.chases : ''}</td>`
    + `<td class="buttons">${e.escalationLevel >= 3 ? '' : `<button type="button" class="escalate" data-id="${esc(e.petitionId)}">${esc(t('escalate'))}</button>`}`
    + `<button type="button" class="chase" data-id="${esc(e.petitionId)}">${esc(t('chase'))}</button></td></tr>`).join('');
  $('board-breached').tBodies[0].innerHTML = rows(board.breached);
  $('board-due').tBodies[0].innerHTML = rows(board.dueSoon);
  $('board-escalated').tBodies[0].innerHTML = rows(board.escalated);
  // At night every clock is an 8-hour one: an empty window still shows what comes next.
  const next = board.dueSoon.length === 0 ? (board.nextDue || []) : [];
  $('board-next').tBodies[0].innerHTML = rows(next);
  $('board-next-wrap').hidden = next.length === 0;
  // Petitions, not clocks, as the dashboard counts them. The board answers at most 500 clocks per list: more means
  // "narrow it by unit or district".
  const count = list => list.length >= 500 ? '500+' : String(new Set(list.map(e => e.petitionId)).size);
  $('n-breached').textContent = count(board.breached);
  $('n-due').textContent = count(board.dueSoon);
  $('n-escalated').textContent = count(board.escalated);
  document.body.dataset.board = 'loaded';
  document.body.dataset.boardQuery = p.toString();
  tickCountdowns();
}

async function supervise(kind, id) {
  const onPetition = state.view === 'petition';
  const note = ((onPetition ? $('pv-note') : $('board-note')).value || '').trim() || t('defaultNote');
  try {
    const { ms } = await api('sla', `/api/v1/sla/petitions/${id}/${kind === 'escalate' ? 'escalations' : 'chases'}`,
      { method: 'POST', body: { note }, action: kind });
    const row = document.querySelector(`#view-board tr[data-id="${CSS.escape(id)}"]`);
    const code = onPetition ? $('pv-tracking').textContent : row ? row.dataset.code : '';
    say(`${t(kind === 'escalate' ? 'escalatedOk' : 'chasedOk')} ${code}`, 'ok', ms);
    if (onPetition) {
      // The event reaches intake's history through Kafka a moment later.
      setTimeout(() => { if (state.view === 'petition') openPetition(id).catch(() => {}); }, 1500);
      await openPetition(id);
    } else {
      await loadBoard();
    }
  } catch (e) {
    say(e.message, 'error');
  }
}

// ---- start ------------------------------------------------------------------------------------------------------

async function loadDirectory() {
  const [units, model] = await Promise.all([get('routing', '/api/v1/units').catch(() => []),
    state.roles.includes('operator') ? get('routing', '/api/v1/routing/model').catch(() => ({ categories: [] })) : { categories: [] }]);
  state.units = units.sort((a, b) => a.code.localeCompare(b.code));
  state.unitsByCode = new Map(units.map(u => [u.code, u]));
  state.categories = model.categories || [];
  state.minConfidence = model.minConfidence ?? 0.5;
  state.confirmBelow = model.confirmBelow ?? 0;
  $('board-unit').innerHTML = `<option value="">${esc(t('all'))}</option>` + state.units.map(u => `<option value="${esc(u.code)}">${esc(u.name)}</option>`).join('');
  $('compose-unit').innerHTML = `<option value="">${esc(t('transferTo'))}</option>` + state.units.filter(u => u.code !== state.unit)
    .map(u => `<option value="${esc(u.code)}">${esc(u.name)}</option>`).join('');
  $('board-district').innerHTML = `<option value="">${esc(t('all'))}</option>` + state.units.filter(u => u.level === 'DISTRICT')
    .map(u => `<option value="${esc(u.code)}">${esc(u.name)}</option>`).join('');
}

function wire() {
  $('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    const q = new URLSearchParams(location.search);
    q.set('lang', lang);
    history.replaceState(null, '', location.pathname + '?' + q + location.hash);
    applyLabels();
    route();
  });
  $('logout').addEventListener('click', () => Auth.logout());
  window.addEventListener('hashchange', route);
  document.addEventListener('keydown', e => {
    if (state.view === 'triage' && !$('view-triage').hidden) onTriageKey(e);
    else if (state.view === 'unit' && !$('view-unit').hidden) onUnitKey(e);
  });
  $('change-input').addEventListener('input', updateMatches);
  $('change-input').addEventListener('keydown', onChangeKey);
  $('reject-form').addEventListener('keydown', onRejectKey);
  $('confirm-form').addEventListener('keydown', onConfirmKey);
  $('merge-input').addEventListener('keydown', onMergeKey);
  ['change-form', 'reject-form', 'merge-form', 'confirm-form', 'board-filters'].forEach(f => $(f).addEventListener('submit', e => e.preventDefault()));
  $('queue-list').addEventListener('click', e => {
    const li = e.target.closest('li[data-id]');
    if (li) { triage.current = li.dataset.id; renderQueue(); showCase(); }
  });
  $('sign-for').addEventListener('click', () => caseworkStep('acceptance', { unitCode: state.unit }, 'signedFor'));
  $('compose-kind').addEventListener('change', fillTemplates);
  $('pet-resend').addEventListener('click', () => caseworkStep('reply-retries', undefined, 'resent'));
  $('inbox-filters').addEventListener('click', e => {
    const button = e.target.closest('button[data-filter]');
    if (!button) return;
    casework.filter = button.dataset.filter;
    loadInbox().catch(() => {});
  });
  $('compose-template').addEventListener('change', useTemplate);
  $('compose').addEventListener('submit', e => {
    e.preventDefault();
    const kind = $('compose-kind').value, text = $('compose-text').value.trim();
    send(kind, text);
  });
  ['board-unit', 'board-district', 'board-within'].forEach(f => $(f).addEventListener('change', () => loadBoard()));
  $('pv-transfer').addEventListener('submit', async e => {
    e.preventDefault();
    const id = document.body.dataset.petition, reason = $('pv-transfer-reason').value.trim();
    if (!reason) { say(t('needReason'), 'error'); $('pv-transfer-reason').focus(); return; }
    try {
      const { ms } = await api('routing', '/api/v1/routing/transfers',
        { method: 'POST', body: { petitionId: id, unitCode: $('pv-transfer-unit').value, reason }, action: 'transfer' });
      say(`${t('transferred')} ${$('pv-tracking').textContent} → ${unitName($('pv-transfer-unit').value)}`, 'ok', ms);
      $('pv-transfer-reason').value = '';
      setTimeout(() => { if (state.view === 'petition') openPetition(id).catch(() => {}); }, 1500);
    } catch (err) {
      say(err.message, 'error');
    }
  });
  $('pv-escalate').addEventListener('click', () => supervise('escalate', document.body.dataset.petition));
  $('pv-chase').addEventListener('click', () => supervise('chase', document.body.dataset.petition));
  $('view-board').addEventListener('click', e => {
    const b = e.target.closest('button[data-id]');
    if (b) supervise(b.classList.contains('escalate') ? 'escalate' : 'chase', b.dataset.id);
  });
}

(async () => {
  applyLabels();
  wire();
  try {
    await Auth.ready();
    const user = Auth.user() || {};
    state.roles = user.roles || [];
    state.unit = user.unit || null;
    $('user').dataset.name = user.name || user.preferred_username || '';
    document.querySelectorAll('#tabs a').forEach(a => {
      a.hidden = !a.dataset.roles.split(' ').some(r => state.roles.includes(r));
    });
    await loadDirectory();
    // The unit by its name: people never see codes.
    $('user').textContent = $('user').dataset.name + (state.unit ? ` · ${unitName(state.unit)}` : '');
    await route();
    document.body.dataset.loaded = 'true';
  } catch (e) {
    document.body.dataset.error = e.message;
    say(e.message, 'error');
  }
})();
