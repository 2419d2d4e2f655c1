package io.wenzheng.contracts;

/** Where a citizen's message arrived. */
public enum Channel {
    WEIBO, WECHAT, ALIPAY, WEB, OPEN311, HOTLINE
}
