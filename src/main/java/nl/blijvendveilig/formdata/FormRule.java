package nl.blijvendveilig.formdata;

/**
 * Checks for one form that its JSON schema cannot express (the elfproef, a date not in the future, a
 * field required only when another has a certain value). Every Spring bean of this type is applied
 * on the server to each submission of its form, after the form's own declared validation.
 */
public interface FormRule {

  String formId();

  void check(FormValues values, FieldErrors errors);
}
