/**
 * Who may call the server: the authentication mode and, with Entra ID, token validation, the OAuth
 * façade and the token providers for Power BI. Tools see it only through its small interfaces.
 */
package dev.pbimcp.auth;
