'use strict';
// The citizen's page: reads the tracking code from /track/{code}, asks /api/v1/track/{code}, shows it in the city's time.
(function () {
  const ZONE = 'Asia/Shanghai';
  const T = {
    zh: {
      heading: '诉求办理进度', codeLabel: '查询码', look: '查询', codeHint: '查询码是受理时发给您的 8 位字母和数字。',
      status: '状态', unit: '承办单位', received: '受理时间', due: '承诺响应时间', replies: '办理答复',
      noReplies: '承办单位答复后，答复会显示在这里。', rateHeading: '请您评价办理结果', rateLegend: '满意程度',
      comment: '意见（选填）', reopen: '不满意，请求重新办理', send: '提交评价', footer: '12345 政务服务便民热线 · 网上问政',
      unassigned: '正在分派承办单位', notFound: code => '没有找到查询码为 ' + code + ' 的诉求，请核对后再试。',
      badCode: '查询码是 8 位字母和数字，例如 ABCD1234。', tooMany: '查询太频繁，请稍后再试。', failed: '暂时无法查询，请稍后再试。',
      pickRating: '请选择 1 到 5 分。', conflict: '这件诉求已经评价过，或还没有办结。', thanks: r => '感谢您的评价：' + r + ' 分。', reopened: '已收到您的重办请求，承办单位将重新办理。',
      rejected: r => '这件诉求未予受理：' + r + '。', merged: '这件诉求与另一件相同诉求合并办理，请查看 ', stars: ['很不满意', '不满意', '一般', '满意', '很满意'],
      steps: ['受理', '交办', '签收', '答复', '办结'],
      statuses: { RECEIVED: '已受理', TRIAGE: '正在分派', RETURNED: '重新分派中', TRANSFERRED: '已转办', ROUTED: '已交办', ACCEPTED: '承办单位已签收',
        RESPONDED: '已答复', IN_PROGRESS: '办理中', AWAITING_CITIZEN: '待您补充材料', RESOLVED: '已办结，待评价', CLOSED: '已办结',
        MERGED: '已合并办理', REJECTED: '未予受理' },
      kinds: { RESPONSE: '答复', PROGRESS: '办理进展', QUESTION: '请您补充', RESOLUTION: '办结答复' },
      reasons: { SPAM: '广告或无关信息', INVALID: '内容无法办理', ABUSIVE: '含有辱骂内容', OUT_OF_SCOPE: '不属于本平台受理范围' },
      langButton: 'English', locale: 'zh-CN'
    },
    en: {
      heading: 'Your petition', codeLabel: 'Tracking code', look: 'Look up', codeHint: 'The 8 letters and digits you were given when your petition was accepted.',
      status: 'Status', unit: 'Handled by', received: 'Received', due: 'Response promised by', replies: 'Replies',
      noReplies: 'The unit\'s replies will appear here.', rateHeading: 'How was it handled?', rateLegend: 'Your rating',
      comment: 'Comment (optional)', reopen: 'Not satisfied: please handle it again', send: 'Send rating', footer: '12345 citizen service hotline · online petitions',
      unassigned: 'Being assigned to a unit', notFound: code => 'No petition has tracking code ' + code + '. Please check it.',
      badCode: 'A tracking code is 8 letters and digits, such as ABCD1234.', tooMany: 'Too many look-ups; please try again shortly.',
      failed: 'The look-up failed; please try again later.', pickRating: 'Please choose from 1 to 5.', conflict: 'This petition was already rated, or is not resolved yet.', thanks: r => 'Thank you for your rating: ' + r + '.',
      reopened: 'Your request to handle it again was received.', rejected: r => 'This petition was not taken up: ' + r + '.',
      merged: 'This petition is handled together with an identical one: see ', stars: ['Very poor', 'Poor', 'Fair', 'Good', 'Very good'],
      steps: ['Received', 'Assigned', 'Taken on', 'Answered', 'Resolved'],
      statuses: { RECEIVED: 'Received', TRIAGE: 'Being assigned', RETURNED: 'Being reassigned', TRANSFERRED: 'Transferred', ROUTED: 'Assigned',
        ACCEPTED: 'Taken on by the unit', RESPONDED: 'Answered', IN_PROGRESS: 'In progress', AWAITING_CITIZEN: 'Waiting for you',
        RESOLVED: 'Resolved; please rate', CLOSED: 'Resolved', MERGED: 'Merged', REJECTED: 'Not taken up' },
      kinds: { RESPONSE: 'Answer', PROGRESS: 'Progress', QUESTION: 'Question to you', RESOLUTION: 'Resolution' },
      reasons: { SPAM: 'advertising or unrelated', INVALID: 'nothing that can be acted on', ABUSIVE: 'abusive content', OUT_OF_SCOPE: 'outside this platform\'s remit' },
      langButton: '中文', locale: 'en-GB'
    }
  };
  const STEP = { RECEIVED: 0, TRIAGE: 0, RETURNED: 0, ROUTED: 1, TRANSFERRED: 1, ACCEPTED: 2, RESPONDED: 3, IN_PROGRESS: 3, AWAITING_CITIZEN: 3, RESOLVED: 4, CLOSED: 4 };
  const CODE = /^[0-9A-HJKMNP-TV-Z]{8}$/;
  let lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
  let shown = null;
  let note = null;

  const $ = id => document.getElementById(id);
  const t = () => T[lang];
  const code = decodeURIComponent(location.pathname.replace(/^\/track\/?/, '').replace(/\/$/, '')).trim().toUpperCase();

  function time(iso) {
    return iso ? new Intl.DateTimeFormat(t().locale, { timeZone: ZONE, year: 'numeric', month: 'long', day: 'numeric',
      hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso)) : '';
  }

  function say(text) {
    $('message').textContent = text;
    $('message').hidden = !text;
  }

  function labels() {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.title = t().heading;
    document.querySelectorAll('[data-t]').forEach(el => { el.textContent = t()[el.dataset.t]; });
    $('lang').textContent = t().langButton;
    $('steps').setAttribute('aria-label', t().heading);
    const stars = $('stars');
    stars.querySelectorAll('label').forEach(l => l.remove());
    t().stars.forEach((name, i) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'radio'; input.name = 'score'; input.value = String(i + 1);
      label.append(input, document.createTextNode((i + 1) + ' ' + name));
      stars.append(label);
    });
  }

  function render(p) {
    shown = p;
    $('petition').hidden = false;
    $('tracking').textContent = p.trackingCode;
    $('title').textContent = p.title || '';
    $('status').textContent = t().statuses[p.status] || p.status;
    $('unit').textContent = p.unit || t().unassigned;
    $('received').textContent = time(p.receivedAt);
    const waiting = p.firstResponseDue && STEP[p.status] !== undefined && STEP[p.status] < 3;
    $('due').textContent = waiting ? time(p.firstResponseDue) : '';
    $('due').hidden = $('dueLabel').hidden = !waiting;
    const steps = $('steps');
    steps.replaceChildren();
    steps.hidden = STEP[p.status] === undefined;
    t().steps.forEach((name, i) => {
      const li = document.createElement('li');
      li.textContent = name;
      if (i <= STEP[p.status]) li.className = 'done';
      steps.append(li);
    });
    const outcome = $('outcome');
    outcome.replaceChildren();
    if (p.status === 'REJECTED') {
      outcome.textContent = t().rejected(t().reasons[p.rejection] || t().reasons.INVALID);
    } else if (p.status === 'MERGED' && p.mergedInto) {
      const a = document.createElement('a');
      a.href = '/track/' + encodeURIComponent(p.mergedInto) + (lang === 'en' ? '?lang=en' : '');
      a.textContent = p.mergedInto;
      outcome.append(document.createTextNode(t().merged), a);
    }
    outcome.hidden = !outcome.textContent;
    const list = $('replies');
    list.replaceChildren();
    (p.replies || []).forEach(r => {
      const li = document.createElement('li');
      li.dataset.kind = r.kind;
      const kind = document.createElement('span'); kind.className = 'kind'; kind.textContent = t().kinds[r.kind] || '';
      const at = document.createElement('time'); at.dateTime = r.at; at.textContent = time(r.at);
      const text = document.createElement('p'); text.textContent = r.text;
      li.append(kind, at, text);
      list.append(li);
    });
    $('noReplies').hidden = list.children.length > 0;
    $('rating').hidden = p.status !== 'RESOLVED';
    const rated = note || (p.rating ? t().thanks(p.rating) : '');
    $('rated').textContent = rated;
    $('rated').hidden = !rated;
  }

  async function load() {
    try {
      if (!code) {
        $('lookup').hidden = false;
        return;
      }
      if (!CODE.test(code)) {
        $('lookup').hidden = false;
        $('code').value = code.slice(0, 8);
        say(t().badCode);
        return;
      }
      const response = await fetch('/api/v1/track/' + encodeURIComponent(code), { headers: { accept: 'application/json' } });
      if (response.status === 404) {
        $('lookup').hidden = false;
        say(t().notFound(code));
      } else if (response.status === 429) {
        say(t().tooMany);
      } else if (!response.ok) {
        say(t().failed);
      } else {
        say('');
        render(await response.json());
      }
    } catch (e) {
      say(t().failed);
    } finally {
      document.body.dataset.loaded = 'true';
    }
  }

  async function rate(event) {
    event.preventDefault();
    const picked = document.querySelector('#stars input:checked');
    const error = $('ratingError');
    if (!picked) {
      error.textContent = t().pickRating; error.hidden = false;
      return;
    }
    const body = { rating: Number(picked.value), comment: $('comment').value.trim() || null, reopen: $('reopen').checked };
    const response = await fetch('/api/v1/track/' + encodeURIComponent(shown.trackingCode) + '/rating',
      { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
    if (response.ok) {
      error.hidden = true;
      note = body.reopen ? t().reopened : t().thanks(body.rating);
      render(await response.json());
    } else {
      const problem = await response.json().catch(() => ({}));
      error.textContent = response.status === 400 ? t().pickRating
        : response.status === 409 ? t().conflict : response.status === 429 ? t().tooMany : t().failed;
      error.hidden = false;
    }
    document.body.dataset.rated = String(response.status);
  }

  document.addEventListener('DOMContentLoaded', () => {
    labels();
    $('lang').addEventListener('click', () => {
      lang = lang === 'en' ? 'zh' : 'en';
      labels();
      if (shown) render(shown);
      if (!$('message').hidden) load();
    });
    $('lookup').addEventListener('submit', e => {
      e.preventDefault();
      const typed = $('code').value.trim().toUpperCase();
      location.href = '/track/' + encodeURIComponent(typed) + (lang === 'en' ? '?lang=en' : '');
    });
    $('rating').addEventListener('submit', rate);
    load();
  });
})();
