<#-- Fleksi's page around Keycloak's base templates: the same sections and ids, without PatternFly, the language
     menu's script or the session-polling scripts, so a login costs one HTML page and one small stylesheet. -->
<#macro registrationLayout bodyClass="" displayInfo=false displayMessage=true displayRequiredFields=false>
<!DOCTYPE html>
<html lang="${lang}">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex, nofollow">
    <title>${title!}</title>
    <link rel="icon" href="data:,">
    <#if properties.styles?has_content>
        <#list properties.styles?split(' ') as style>
            <link href="${url.resourcesPath}/${style}" rel="stylesheet">
        </#list>
    </#if>
    <#if scripts??>
        <#list scripts as script>
            <script src="${script}" type="text/javascript"></script>
        </#list>
    </#if>
</head>
<body class="fx ${bodyClass}" data-page-id="login-${pageId}">
<header class="fx-bar">
    <span class="fx-brand">Fleksi</span>
    <span id="kc-header-wrapper">${kcSanitize(msg("loginTitleHtml",(realm.displayNameHtml!'')))?no_esc}</span>
</header>
<main class="fx-main">
    <#if realm.internationalizationEnabled && locale.supported?size gt 1>
        <nav id="kc-locale" class="fx-locales" aria-label="${msg("languages")}">
            <#list locale.supported as l>
                <#if l.languageTag == locale.currentLanguageTag>
                    <strong>${l.label}</strong>
                <#else>
                    <a href="${l.url}" hreflang="${l.languageTag}">${l.label}</a>
                </#if>
            </#list>
        </nav>
    </#if>
    <div class="fx-card">
        <#if !(auth?has_content && auth.showUsername() && !auth.showResetCredentials())>
            <h1 id="kc-page-title"><#nested "header"></h1>
        <#else>
            <#nested "show-username">
            <p id="kc-username">
                <span id="kc-attempted-username">${auth.attemptedUsername}</span>
                <a id="reset-login" href="${url.loginRestartFlowUrl}">${msg("restartLoginTooltip")}</a>
            </p>
        </#if>
        <#-- App-initiated actions should not see warnings about the action they asked for. -->
        <#if displayMessage && message?has_content && (message.type != 'warning' || !isAppInitiatedAction??)>
            <p class="fx-alert fx-alert-${message.type}" role="<#if message.type = 'error'>alert<#else>status</#if>">
                <span class="kc-feedback-text">${kcSanitize(message.summary)?no_esc}</span>
            </p>
        </#if>
        <#nested "form">
        <#if auth?has_content && auth.showTryAnotherWayLink()>
            <form id="kc-select-try-another-way-form" action="${url.loginAction}" method="post">
                <input type="hidden" name="tryAnotherWay" value="on">
                <button type="submit" class="fx-link" id="try-another-way">${msg("doTryAnotherWay")}</button>
            </form>
        </#if>
        <#nested "socialProviders">
        <#if displayInfo>
            <div id="kc-info" class="fx-info">
                <#nested "info">
            </div>
        </#if>
    </div>
</main>
</body>
</html>
</#macro>
