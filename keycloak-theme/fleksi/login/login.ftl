<#import "template.ftl" as layout>
<#-- Keycloak's base login form (same ids: username, password, kc-login), with Fleksi's way back in for a forgotten
     password: the reset link where the pemda's mail server is set (the realm then allows resets), else BKD. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password'); section>
    <#if section = "header">
        ${msg("loginAccountTitle")}
    <#elseif section = "form">
        <#if realm.password>
            <form id="kc-form-login" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post">
                <#if !usernameHidden??>
                    <div class="fx-group">
                        <label for="username"><#if !realm.loginWithEmailAllowed>${msg("username")}<#elseif !realm.registrationEmailAsUsername>${msg("usernameOrEmail")}<#else>${msg("email")}</#if></label>
                        <input id="username" class="fx-input" name="username" value="${(login.username!'')}" type="text"
                               autofocus autocomplete="username" autocapitalize="none" dir="ltr"
                               aria-invalid="<#if messagesPerField.existsError('username','password')>true</#if>">
                    </div>
                </#if>
                <div class="fx-group">
                    <label for="password">${msg("password")}</label>
                    <div class="fx-input-group" dir="ltr">
                        <input id="password" class="fx-input" name="password" type="password" autocomplete="current-password"
                               aria-invalid="<#if messagesPerField.existsError('username','password')>true</#if>">
                        <button class="fx-toggle" type="button" aria-label="${msg("showPassword")}" aria-controls="password"
                                data-password-toggle data-label-show="${msg('showPassword')}" data-label-hide="${msg('hidePassword')}"><i></i></button>
                    </div>
                    <#if messagesPerField.existsError('username','password')>
                        <span id="input-error" class="fx-error-text" aria-live="polite">${kcSanitize(messagesPerField.getFirstError('username','password'))?no_esc}</span>
                    </#if>
                </div>
                <#if realm.rememberMe && !usernameHidden??>
                    <div class="fx-group checkbox">
                        <label><input id="rememberMe" name="rememberMe" type="checkbox"<#if login.rememberMe??> checked</#if>> ${msg("rememberMe")}</label>
                    </div>
                </#if>
                <input type="hidden" id="id-hidden-input" name="credentialId" <#if auth.selectedCredential?has_content>value="${auth.selectedCredential}"</#if>>
                <input class="fx-button fx-primary fx-block" name="login" id="kc-login" type="submit" value="${msg("doLogIn")}">
            </form>
            <p id="kc-forgot" class="fx-hint">
                <#if realm.resetPasswordAllowed>
                    <a id="kc-forgot-link" href="${url.loginResetCredentialsUrl}">${msg("doForgotPassword")}</a>
                <#else>
                    <span id="kc-forgot-bkd">${msg("fleksiForgotAskBkd")}</span>
                </#if>
            </p>
        </#if>
        <script type="module" src="${url.resourcesPath}/js/passwordVisibility.js"></script>
    </#if>
</@layout.registrationLayout>
